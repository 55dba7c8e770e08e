using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Functions.Curation;
using Soliday.Hashtags;
using Soliday.Submissions;

namespace Soliday.Functions.Tests.Curation;

/// <summary>The Functions app, which faces the internet, will not start with a curator token short enough to guess, or two curators it cannot tell apart.</summary>
public sealed class CuratorTokenRequirementTests
{
    [Theory]
    [InlineData("the-token")]
    [InlineData("0123456789abcdef0123456789abcde")] // 31 characters
    public async Task The_Functions_app_refuses_to_start_with_a_short_curator_token(string token)
    {
        using var host = Build(token);

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Curation:LocalToken", refusal.Message);
    }

    [Fact]
    public async Task The_Functions_app_refuses_to_start_with_a_named_curator_s_short_token()
    {
        using var host = Build("", ("Jo Baker", "0123456789abcdef0123456789abcdef"), ("Sam Ng", "too-short"));

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Curation:Curators:N:Token", refusal.Message);
        Assert.DoesNotContain("too-short", refusal.Message);
    }

    [Fact]
    public async Task The_Functions_app_refuses_to_start_with_two_curators_of_one_name()
    {
        using var host = Build("", ("Jo Baker", "0123456789abcdef0123456789abcdef"), ("Jo Baker", "fedcba9876543210fedcba9876543210"));

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Curation:Curators:0 (Jo Baker) and Curation:Curators:1 (Jo Baker) have the same name", refusal.Message);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")] // 32 characters
    [InlineData("")] // none: curation refuses everyone (or is left to Easy Auth)
    public void A_long_curator_token_or_none_passes_the_start_checks(string token)
    {
        using var host = Build(token);

        var validation = Record.Exception(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Null(validation);
    }

    /// <summary>The Functions app's registrations, with every other setting valid.</summary>
    private static IHost Build(string curatorToken, params (string Name, string Token)[] curators)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(curators.SelectMany((c, i) => new Dictionary<string, string?>
        {
            [$"{CurationOptions.Section}:{nameof(CurationOptions.Curators)}:{i}:{nameof(NamedCurator.Name)}"] = c.Name,
            [$"{CurationOptions.Section}:{nameof(CurationOptions.Curators)}:{i}:{nameof(NamedCurator.Token)}"] = c.Token,
        }));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = "UseDevelopmentStorage=true",
            [$"{CurationOptions.Section}:{nameof(CurationOptions.LocalToken)}"] = curatorToken,
            [$"{SolidayOptions.Section}:{nameof(SolidayOptions.Day)}"] = "2026-06-20",
            [$"{SubmissionOptions.Section}:{nameof(SubmissionOptions.SigningKey)}"] = Convert.ToBase64String(new byte[32]),
            ["Site:PublicUrl"] = "https://soliday.example/site/",
            [$"{HashtagOptions.Section}:{nameof(HashtagOptions.WebhookSecret)}"] = "a-long-shared-secret-for-the-function-tests",
        });
        builder.Services.AddSoliday().RequireStrongCuratorToken();
        return builder.Build();
    }
}
