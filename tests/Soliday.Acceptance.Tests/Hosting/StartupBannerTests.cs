using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>What a volunteer sees in the terminal after `dotnet run --project functions/Soliday.Local`.</summary>
public sealed partial class StartupBannerTests
{
    private const string BannerEnd = "Press Ctrl+C to stop Soliday and everything it started.";

    /// <summary>Lines the durable engine and ASP.NET Core print at information level at every start.</summary>
    private static readonly string[] EngineAndFrameworkCategories =
        ["DurableTask.AzureStorage", "Microsoft.DurableTask", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime"];

    /// <summary>Time for any late start-up line to arrive after the banner, were there one.</summary>
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task The_banner_with_the_curation_page_is_the_last_thing_printed_and_the_engine_keeps_quiet()
    {
        // Information, as a developer's own run has it (the other tests' hosts print warnings only).
        await using var host = await SolidayHost.StartAsync(new() { ["Logging__LogLevel__Default"] = "Information" });
        await WaitForBannerAsync(host);
        await Task.Delay(Settling);

        var atStart = host.Output;

        Assert.Matches(BannerLine("Form", $"http://127.0.0.1:{host.HttpPort}/api/submit"), atStart);
        Assert.Matches(BannerLine("Curation page", $"http://127.0.0.1:{host.HttpPort}/api/curation"), atStart);
        Assert.Matches(BannerLine("Public site", $"http://127.0.0.1:{host.HttpPort}/site/"), atStart);
        Assert.EndsWith(BannerEnd, atStart.TrimEnd());
        Assert.All(EngineAndFrameworkCategories, category => Assert.DoesNotContain(category, atStart));
        Assert.Contains("Soliday.StorageSetup", atStart); // Soliday's own information logs still show
    }

    [Fact]
    public async Task Soliday_still_logs_each_entry_s_steps_after_the_banner()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Logging__LogLevel__Default"] = "Information" });
        await WaitForBannerAsync(host);

        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Logged by id, never by caption"));
        await host.Http.WaitForStatusAsync(id, "awaiting-curation");

        var afterBanner = host.Output[host.Output.IndexOf(BannerEnd, StringComparison.Ordinal)..];
        Assert.Contains($"Submission {id} received with", afterBanner);
        Assert.DoesNotContain("Logged by id, never by caption", afterBanner);
        Assert.All(EngineAndFrameworkCategories, category => Assert.DoesNotContain(category, afterBanner));
    }

    [Fact]
    public async Task With_verbose_logs_on_the_engine_and_framework_information_lines_are_printed()
    {
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Logging__LogLevel__Default"] = "Information",
            ["Local__VerboseLogs"] = "true",
        });
        await WaitForBannerAsync(host);

        Assert.All(EngineAndFrameworkCategories, category => Assert.Contains(category, host.Output));
    }

    private static Task WaitForBannerAsync(SolidayHost host) =>
        SolidayApi.EventuallyAsync(() => Task.FromResult(host.Output.Contains(BannerEnd, StringComparison.Ordinal)), "the start banner");

    private static Regex BannerLine(string label, string address) =>
        new($@"^ *{Regex.Escape(label)}: +{Regex.Escape(address)}\r?$", RegexOptions.Multiline);
}
