using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Storage;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>Why a decision was not passed on, in words for the curator.</summary>
public sealed record DecisionRefusal(int StatusCode, string Title, string Detail, string? CurrentState);

/// <summary>
/// Passes a curator's decision to the entry's orchestration, after checking it can still be made.
/// "Can be decided" is read from the orchestration itself, the same place the queue is read from,
/// so whatever the queue shows can be decided. The first decision claims the entry with a
/// create-once blob, so of two curators deciding at once exactly one wins and the other is told.
/// </summary>
public sealed class CurationDecisions(BlobServiceClient blobs, EntryStore entries, ILogger<CurationDecisions> logger)
{
    public async Task<DecisionRefusal?> DecideAsync(string id, CuratorDecisionEvent decision, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var entry = SubmissionId.IsValid(id) ? await entries.FindAsync(id, cancellationToken) : null;
        if (entry is null)
        {
            return new(404, "Not found", "There is no entry with this id.", null);
        }

        var instanceId = SubmissionOrchestration.InstanceId(id);
        var instance = await durable.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        var waiting = instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running }
            && instance.ReadCustomStatusAs<SubmissionProgress>()?.State == EntryState.AwaitingCuration.ToWire();
        if (!waiting)
        {
            return entry.State is EntryState.Received or EntryState.Processing
                ? new(409, "Not ready yet", "This entry is still being prepared; it can be decided once it is awaiting curation.", entry.State.ToWire())
                : new(409, "Already decided", $"This entry is already {entry.State.ToWire()}.", entry.State.ToWire());
        }

        var claim = blobs.GetBlobContainerClient(StorageLayout.Entries).GetBlobClient(StorageLayout.DecisionClaim(id));
        if (!await claim.CreateOnceAsync(SolidayJson.Serialize(decision), BlobWrites.Json, cancellationToken))
        {
            return new(409, "Already decided", "Another curator decided on this entry a moment ago.", entry.State.ToWire());
        }

        try
        {
            await durable.RaiseEventAsync(instanceId, nameof(CuratorDecisionEvent), decision, cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogError(e, "The decision on submission {SubmissionId} could not be raised; releasing the claim", id);
            await claim.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            throw;
        }

        logger.LogInformation("Submission {SubmissionId} {Decision} by {Curator}", id, decision.Approve ? "approved" : "rejected", decision.Curator);
        return null;
    }
}
