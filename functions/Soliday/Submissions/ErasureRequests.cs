using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Telemetry;

namespace Soliday.Submissions;

/// <param name="State">The state the entry ends in: removed (a workflow's decision) or withdrawn (its sender's take-down).</param>
public sealed record RequestErasureRequest(string SubmissionId, string Reason, EntryState State = EntryState.Removed);

public sealed record RequestErasureResult(string SubmissionId);

/// <summary>
/// Erasures carried out from the <c>entry-erasures</c> queue, whose trigger on either host erases
/// the entry with <see cref="EntryErasure"/>, purge included, retrying as a queue does:
/// <list type="bullet">
/// <item>those the workflow itself decides on (a published post its author has deleted at its
/// source): a workflow cannot purge its own instance, so its activity queues the erasure and the
/// workflow ends;</item>
/// <item>a sender's take-down: the request marks the entry and queues the rest, so it answers at
/// once however cold the app or the durable engine is (issue 18).</item>
/// </list>
/// The message holds the id, the state and the reason, nothing the entry says.
/// </summary>
public sealed class ErasureRequests(QueueServiceClient queues, EntryErasure erasure, ILogger<ErasureRequests> logger)
{
    public const string QueueName = "entry-erasures";

    /// <summary>The activity: asks for the erasure.</summary>
    public async Task<RequestErasureResult> RequestErasure(RequestErasureRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(RequestErasure), request.SubmissionId);
        await QueueAsync(request, CancellationToken.None);
        return new RequestErasureResult(request.SubmissionId);
    }

    /// <summary>
    /// A sender's take-down: the erasure is queued first, then the entry marked, so whichever of the
    /// two fails, what was done leads to the whole erasure (a queued erasure marks the entry itself);
    /// then, best effort, its workflow is asked to stop, so it leaves the curation board at once.
    /// Null if there is no such entry.
    /// </summary>
    public async Task<Entry?> TakeDownAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var cause = ErasureCause.TakenDownBySender;
        await QueueAsync(new RequestErasureRequest(id, cause.Reason, cause.State), cancellationToken);
        var marked = await erasure.MarkAsync(id, cause, cancellationToken);
        if (marked is not null)
        {
            await erasure.TryStopWorkflowAsync(id, durable, cancellationToken);
        }

        return marked;
    }

    private async Task QueueAsync(RequestErasureRequest request, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(SolidayJson.Serialize(request), cancellationToken: cancellationToken);
    }

    /// <summary>The queue trigger's work: erases the entry. Safe to repeat, as a redelivered message may.</summary>
    public async Task EraseAsync(string message, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var request = SolidayJson.Deserialize<RequestErasureRequest>(BinaryData.FromString(message));
        await erasure.EraseAsync(request.SubmissionId, new ErasureCause(request.State, request.Reason), durable, cancellationToken);
    }
}
