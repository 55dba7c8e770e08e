using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Soliday.Entries;
using Soliday.Submissions;
using Soliday.Tests.Support;
using Soliday.Workflow;

namespace Soliday.Tests.Workflow;

/// <summary>The workflow's intake steps on a real Azurite, called as the orchestration calls them.</summary>
public sealed class SubmissionActivitiesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Beginning_to_process_a_received_entry_marks_it_as_being_prepared_and_counts_its_photos()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var entry = await site.AddAsync("Tea dance at the Civic", hour: 14, photos: 2);
        await site.Entries.UpdateAsync(entry.Id, e => e with { State = EntryState.Received });

        var result = await site.Get<SubmissionActivities>().BeginProcessing(new BeginProcessingRequest(entry.Id));

        Assert.Equal(2, result.PhotoCount);
        Assert.Equal(EntryState.Processing, (await site.Entries.GetAsync(entry.Id)).State);
    }

    [Fact]
    public async Task The_erasure_a_workflow_asks_for_is_queued_as_the_erasure_queue_reads_it_and_holds_nothing_the_entry_says()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var entry = await site.AddAsync("Allotment open day on Marsh Lane", hour: 11);

        await site.Get<SubmissionActivities>().RequestErasure(new RequestErasureRequest(entry.Id, SubmissionOrchestration.DeletedAfterPublicationReason));

        // The names of the message the earlier build queued too: a message waiting through a deployment is still read.
        var message = await QueuedErasureAsync(site, entry.Id);
        Assert.Equal(SubmissionOrchestration.DeletedAfterPublicationReason, message["reason"]!.GetValue<string>());
        Assert.Equal("removed", message["state"]!.GetValue<string>());
        Assert.DoesNotContain("Marsh Lane", message.ToJsonString());
    }

    private static async Task<JsonObject> QueuedErasureAsync(SiteHarness site, string id)
    {
        var queue = site.Get<QueueServiceClient>().GetQueueClient(ErasureRequests.QueueName);
        var messages = (await queue.PeekMessagesAsync(maxMessages: 32)).Value;
        return messages
            .Select(m => JsonNode.Parse(m.Body.ToString())!.AsObject())
            .Single(m => m["submissionId"]?.GetValue<string>() == id);
    }
}
