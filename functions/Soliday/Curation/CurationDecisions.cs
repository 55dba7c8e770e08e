using Azure;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Telemetry;

namespace Soliday.Curation;

/// <summary>Why a curator's action was not passed on, in words for the curator.</summary>
public sealed record DecisionRefusal(int StatusCode, string Title, string Detail, string? CurrentState);

/// <summary>
/// Passes a curator's action to the entry's orchestration after checking it can still be taken.
/// What can be done is read from the orchestration itself (the same place the curation page reads,
/// so whatever the page offers can be done) and from the record. Approving or rejecting claims the entry with a
/// create-once blob first (one final decision while it waits, one removal once published): of two
/// curators deciding at once exactly one wins, and the other is told who decided what, and when.
/// </summary>
public sealed class CurationDecisions(
    BlobServiceClient blobs,
    EntryStore entries,
    AuditLog audit,
    ISubmissionWorkflows workflows,
    WaitingBoard board,
    DecidedBoard decided,
    IOptions<SolidayOptions> soliday,
    ILogger<CurationDecisions> logger)
{
    public async Task<DecisionRefusal?> DecideAsync(string id, CuratorDecisionEvent decision, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var step = SubmissionStep.Begin(logger, "CuratorDecision", id);
        var entry = SubmissionId.IsValid(id) ? await entries.FindAsync(id, cancellationToken) : null;
        if (entry is null)
        {
            return new(404, "Not found", "There is no entry with this id.", null);
        }

        // Taken down or removed: its workflow may still be running until the queued erasure stops it.
        if (entry.State.IsErased())
        {
            return await WhyNotAsync(id, entry);
        }

        var instance = await durable.GetInstanceAsync(EntryWorkflow.InstanceId(id), getInputsAndOutputs: true, cancellationToken);
        var running = instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running };
        var state = running ? instance!.ReadCustomStatusAs<SubmissionProgress>()?.State : null;

        // The record says "awaiting" a moment before the orchestration's status does (it is saved as
        // the orchestration starts to wait): a decision sent in that moment waits in its inbox.
        var awaiting = state == EntryState.AwaitingCuration.ToWire() || (running && entry.State == EntryState.AwaitingCuration);
        var published = state == EntryState.Published.ToWire();
        var possible = decision.Action switch
        {
            CurationAction.Approve or CurationAction.Reject => awaiting,
            CurationAction.Unpublish => published,
            _ => awaiting || published, // edit and feature
        };
        if (!possible)
        {
            return await WhyNotAsync(id, entry);
        }

        var claim = decision.Ends
            ? Claims.GetBlobClient(decision.Action == CurationAction.Unpublish ? StorageLayout.RemovalClaim(id) : StorageLayout.DecisionClaim(id))
            : null;
        if (claim is not null && !await claim.CreateOnceAsync(SolidayJson.Serialize(decision), BlobWrites.Json, cancellationToken))
        {
            return await WhyNotAsync(id, entry); // another curator's claim came first
        }

        // The audit line first: an action that could not be recorded is not taken.
        try
        {
            await audit.RecordAsync(id, decision, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            logger.LogError(e, "The decision on submission {SubmissionId} could not be written to the audit log; not taken", id);
            await ReleaseAsync(claim);
            return new(503, "Not recorded, so not done", "Your action could not be written to the audit log, so it was not taken and nothing changed. Please try again in a moment.", null);
        }

        try
        {
            await workflows.RaiseDecisionAsync(durable, id, decision, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The decision on submission {SubmissionId} could not be raised; releasing the claim", id);
            await ReleaseAsync(claim);
            try
            {
                await audit.RecordNotDeliveredAsync(id, decision, CancellationToken.None); // so the log does not claim what never happened
            }
            catch (RequestFailedException auditError)
            {
                logger.LogError(auditError, "The audit log could not record that the decision on submission {SubmissionId} was not delivered", id);
            }

            throw;
        }

        if (decision.Action is CurationAction.Approve or CurationAction.Reject)
        {
            await board.RemoveAsync(entry, cancellationToken); // decided: off the board now, not when the workflow gets to it
            await decided.RecordAsync(id, decision, cancellationToken);
        }

        logger.LogInformation("Submission {SubmissionId}: {Action} by {Curator}", id, decision.Action, decision.Curator);
        return null;
    }

    /// <summary>A 409 that says what happened: who decided, what, and when, where that is known.</summary>
    private async Task<DecisionRefusal> WhyNotAsync(string id, Entry entry)
    {
        if (entry.State is EntryState.Received or EntryState.Processing)
        {
            return new(409, "Not ready yet", "This entry is still being prepared; it can be decided once it is awaiting curation.", entry.State.ToWire());
        }

        foreach (var name in new[] { StorageLayout.RemovalClaim(id), StorageLayout.DecisionClaim(id) })
        {
            if (await Claims.GetBlobClient(name).ReadAsync() is { } claim)
            {
                var earlier = SolidayJson.Deserialize<CuratorDecisionEvent>(claim.Content);
                var what = earlier.Action switch
                {
                    CurationAction.Approve => "approved",
                    CurationAction.Unpublish => "took off the timeline",
                    _ => "rejected",
                };
                return new(409, "Already decided", $"{earlier.Curator} {what} this entry on {Display.DateAndTime(earlier.DecidedAt, soliday.Value.Zone)}. It is now {entry.State.ToWire()}.", entry.State.ToWire());
            }
        }

        return new(409, "Already decided", $"This entry is already {entry.State.ToWire()}.", entry.State.ToWire());
    }

    private static async Task ReleaseAsync(BlobClient? claim)
    {
        if (claim is not null)
        {
            await claim.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
    }

    private BlobContainerClient Claims => blobs.GetBlobContainerClient(StorageLayout.Entries);
}
