using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Storage;
using Soliday.Timeline;

namespace Soliday.Submissions;

/// <summary>
/// Removes an entry at the request of the person who sent it: from the site, from storage, from
/// the curators' queue. What stays is an audit record with nothing personal in it: that the entry
/// existed, where it came from, when it arrived and when it was taken down.
/// </summary>
public sealed class EntryTakedown(
    BlobServiceClient blobs,
    EntryStore entries,
    TimelinePublisher timeline,
    TimeProvider clock,
    ILogger<EntryTakedown> logger)
{
    public const string Reason = "Removed at the request of the person who sent it.";

    /// <summary>Takes the entry down; returns its audit record, or null if there is no such entry. Safe to repeat.</summary>
    public async Task<Entry?> TakeDownAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await entries.FindAsync(id, cancellationToken) is null)
        {
            return null;
        }

        // The mark first: a publish still running checks it after its own writes and undoes them.
        await entries.UpdateAsync(id, e => e with { State = EntryState.Withdrawn, WithdrawnAt = e.WithdrawnAt ?? clock.GetUtcNow() }, cancellationToken);
        await StopWorkflowAsync(id, durable, cancellationToken);

        await timeline.UnpublishEntry(id);
        await blobs.DeleteAsync(StorageLayout.Renditions, StorageLayout.EntryFolder(id), cancellationToken);
        await blobs.DeleteAsync(StorageLayout.Uploads, StorageLayout.EntryFolder(id), cancellationToken);

        var audit = await entries.UpdateAsync(id, e => e with
        {
            Text = "",
            Credit = "",
            Place = null,
            ContactEmail = null,
            Fingerprint = null,
            Photos = [],
            Reason = Reason,
        }, cancellationToken);
        logger.LogInformation("Submission {SubmissionId} taken down by its sender", id);
        return audit;
    }

    private async Task StopWorkflowAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceId = SubmissionOrchestration.InstanceId(id);
        var instance = await durable.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            // Best effort: if it ends by itself in between, the mark above keeps it off the site anyway.
            await durable.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions { Output = Reason }, cancellationToken);
        }
    }
}
