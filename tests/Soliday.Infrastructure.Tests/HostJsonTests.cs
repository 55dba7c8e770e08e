using System.Text.Json.Nodes;
using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>
/// The Functions host's settings that decide what Soliday costs in Azure: how soon the durable
/// engine notices work, and what the host and the engine log while they wait.
/// </summary>
public sealed class HostJsonTests
{
    private static readonly JsonNode Host = JsonNode.Parse(
        File.ReadAllText(Repository.File("functions", "Soliday.Functions", "host.json")),
        documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;

    [Fact]
    public void The_durable_engine_polls_its_queues_at_most_a_few_seconds_apart()
    {
        // The Azure Storage provider backs off to 30 s by default when idle: a resident's entry would
        // wait up to 30 s to start after a quiet spell. Short, as Microsoft advises on Flex Consumption.
        var interval = TimeSpan.Parse(Host["extensions"]!["durableTask"]!["storageProvider"]!["maxQueuePollingInterval"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(interval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Equal("soliday", Host["extensions"]!["durableTask"]!["hubName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Host")] // start-up chatter, one Host.Results line per execution, the durable trigger's progress
    [InlineData("DurableTask.Core")] // every dispatch and history event of every orchestration
    [InlineData("DurableTask.AzureStorage")] // every queue poll and lease renewal, even when idle
    [InlineData("Azure.Core")] // every storage request
    public void The_host_and_the_durable_engine_log_warnings_and_worse_only(string category)
    {
        // Each of these logs at Information on every poll, lease or execution: paid for as ingestion
        // whether or not anyone posts. Soliday's own logs (the worker's, by SubmissionId) stay.
        var levels = Host["logging"]!["logLevel"]!;

        Assert.Equal("Warning", levels[category]!.GetValue<string>());
        Assert.Equal("Information", levels["default"]!.GetValue<string>());
    }

    [Fact]
    public void Telemetry_is_sampled_but_never_requests()
    {
        var sampling = Host["logging"]!["applicationInsights"]!["samplingSettings"]!;

        Assert.True(sampling["isEnabled"]!.GetValue<bool>());
        Assert.Contains("Request", sampling["excludedTypes"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
