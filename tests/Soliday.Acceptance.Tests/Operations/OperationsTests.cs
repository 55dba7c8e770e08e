using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;

namespace Soliday.Acceptance.Tests.Operations;

/// <summary>What whoever runs Soliday on the day relies on: health, traces by entry, history kept in check.</summary>
public sealed partial class OperationsTests(OperationsHost fixture) : IClassFixture<OperationsHost>
{
    private Testing.SolidayHost Host => fixture.Host;

    [Fact]
    public async Task Health_says_storage_is_reachable_and_gives_away_no_secret()
    {
        using var response = await Host.Http.GetAsync("/api/health");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var health = JsonNode.Parse(body)!;
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.Equal("reachable", health["storage"]!["blobs"]!.GetValue<string>());
        Assert.Equal("reachable", health["storage"]!["queues"]!.GetValue<string>());
        Assert.DoesNotContain(Host.CuratorToken, body);
        Assert.DoesNotContain(Host.SigningKey, body);
        Assert.DoesNotContain("AccountKey", body);
    }

    [Fact]
    public async Task Every_step_of_an_entry_leaves_a_span_and_logs_tagged_with_its_id()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Traced from the form to the timeline"));
        await Host.Curator.WaitForQueueAsync(id);
        using (var approval = await Host.Curator.ApproveAsync(id))
        {
            Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        }

        await Host.Http.WaitForStatusAsync(id, "published");

        string[] steps = ["AcceptSubmission", "PrepareAndOffer", "CuratorDecision", "PublishEntry"];
        await SolidayApi.EventuallyAsync(
            () => Task.FromResult(steps.All(step => SolidaySpans(Host.Output).Any(span => span.Name == step && span.SubmissionId == id))),
            $"a span for each of {string.Join(", ", steps)} tagged with {id}");

        // Every span Soliday starts carries an id: none is left for someone to guess the entry of.
        Assert.All(SolidaySpans(Host.Output), span => Assert.Matches("^[0-9a-f]{32}$", span.SubmissionId ?? ""));
        Assert.Contains($"SubmissionId: {id}", Host.Output); // the log scope, on the step's log lines
    }

    [Fact]
    public async Task Purging_history_removes_ended_workflows_and_changes_nothing_residents_see()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Rejected, then forgotten by the engine"));
        await Host.Curator.WaitForQueueAsync(id);
        using (var rejection = await Host.Curator.RejectAsync(id, "Not one for the timeline."))
        {
            Assert.Equal(HttpStatusCode.Accepted, rejection.StatusCode);
        }

        await Host.Http.WaitForStatusAsync(id, "rejected");

        using var anonymous = await Host.Http.PostAsJsonAsync("/api/operations/purge-history", new { olderThanDays = 0 });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var first = await PurgeAsync(olderThanDays: 0);
        var second = await PurgeAsync(olderThanDays: 0);

        Assert.True(first >= 1, $"purged {first}");
        Assert.Equal(0, second);
        var status = await Host.Http.StatusAsync(id);
        Assert.Equal("rejected", status["status"]!.GetValue<string>());
        Assert.Equal("Not one for the timeline.", status["reason"]!.GetValue<string>());
    }

    private async Task<int> PurgeAsync(int olderThanDays)
    {
        using var response = await Host.Curator.PostAsJsonAsync("/api/operations/purge-history", new { olderThanDays });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!["purged"]!.GetValue<int>();
    }

    /// <summary>The spans of Soliday's own source, as the OpenTelemetry console exporter prints them.</summary>
    private static IEnumerable<(string Name, string? SubmissionId)> SolidaySpans(string output) =>
        output.Split("Activity.TraceId:")
            .Where(block => block.Contains("Instrumentation scope (ActivitySource):", StringComparison.Ordinal) && SourceName().Match(block).Groups[1].Value == "Soliday")
            .Select(block => (DisplayName().Match(block).Groups[1].Value, SubmissionIdTag().Match(block) is { Success: true } tag ? tag.Groups[1].Value : null));

    [GeneratedRegex(@"Activity\.DisplayName:\s+(\S+)")]
    private static partial Regex DisplayName();

    [GeneratedRegex(@"soliday\.submission_id:\s+(\S+)")]
    private static partial Regex SubmissionIdTag();

    [GeneratedRegex(@"Instrumentation scope \(ActivitySource\):\s+Name:\s+(\S+)")]
    private static partial Regex SourceName();
}
