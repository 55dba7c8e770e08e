using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>What Soliday.Local fills in when a setting is left out, or left blank.</summary>
public sealed partial class LocalHostSetupTests
{
    [Fact]
    public async Task A_blank_curator_token_is_replaced_by_one_printed_at_start_that_lets_a_curator_in()
    {
        // As a copied sample settings file or `export Curation__LocalToken=` leaves it.
        await using var host = await SolidayHost.StartAsync(new() { ["Curation__LocalToken"] = "" });

        string? printed = null;
        await SolidayApi.EventuallyAsync(
            () => Task.FromResult((printed = BannerToken().Match(host.Output).Groups[1].Value) is { Length: > 0 }),
            "the start banner to print a curator token");
        using var curator = new HttpClient { BaseAddress = host.Http.BaseAddress };
        curator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", printed);
        using var queue = await curator.GetAsync("/api/curation/queue");

        Assert.True(printed!.Length >= 24, $"the printed token '{printed}' is too short to be a secret");
        Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
    }

    [GeneratedRegex(@"Curator token: *(\S*)")]
    private static partial Regex BannerToken();
}
