using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Storage;
using Soliday.Telemetry;
using Soliday.Timeline;

namespace Soliday.Submissions;

/// <summary>
/// Removes an entry at the request of the person who sent it: from the site, from storage, from
/// the curators' queue. What stays is an audit record with nothing personal in it: that the entry
/// existed, where it came from, when it arrived and when it was taken down. The entry's workflow is
/// purged too: its history and custom status hold the text, and the curation board reads them.
/// </summary>
public sealed class EntryTakedown(
    BlobServiceClient blobs,
    EntryStore entries,
    PhotoHashIndex hashIndex,
    TimelinePublisher timeline,
    TimeProvider clock,
    ILogger<EntryTakedown> logger)
{
    public const string Reason = "Removed at the request of the person who sent it.";

    /// <summary>A termination is taken in within a second or so; far longer means the engine is unwell, and the resident can try again.</summary>
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(60);

    /// <summary>Takes the entry down; returns its audit record, or null if there is no such entry. Safe to repeat.</summary>
    public async Task<Entry?> TakeDownAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var step = SubmissionStep.Begin(logger, "TakeDown", id);
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
            SourcePost = null,
            IntakeFlags = [],
            Flags = [],
            Reason = Reason,
        }, cancellationToken);
        await hashIndex.ForgetAsync(id, cancellationToken);
        await PurgeWorkflowAsync(id, durable, cancellationToken);
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

    /// <summary>
    /// Deletes the workflow's history and status. Only a finished instance can be purged, so this
    /// waits for the termination to be taken in. Throws if it is not: the take-down is safe to repeat.
    /// </summary>
    private async Task PurgeWorkflowAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceId = SubmissionOrchestration.InstanceId(id);
        if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            return; // never started, or purged by an earlier take-down
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TerminationWait);
        await durable.WaitForInstanceCompletionAsync(instanceId, wait.Token);
        await durable.PurgeInstanceAsync(instanceId, cancellationToken);
    }
}
