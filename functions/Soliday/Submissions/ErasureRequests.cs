using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Submissions;

/// <summary>A message on the <c>entry-erasures</c> queue: which entry, and why (<see cref="ErasureCause"/> without a curator).</summary>
/// <param name="State">The state the entry ends in: removed (a workflow's decision) or withdrawn (its sender's take-down).</param>
public sealed record QueuedErasure(string SubmissionId, string Reason, EntryState State = EntryState.Removed);

/// <summary>
/// Erasures carried out from the <c>entry-erasures</c> queue, whose trigger on either host erases
/// the entry with <see cref="EntryErasure"/>, purge included, retrying as a queue does:
/// <list type="bullet">
/// <item>those the workflow itself decides on (a published post its author has deleted at its
/// source): a workflow cannot purge its own instance, so its activity queues the erasure and the
/// workflow ends (<see cref="RequestAsync"/>);</item>
/// <item>a sender's take-down: the request marks the entry and queues the rest, so it answers at
/// once however cold the app or the durable engine is (issue 18).</item>
/// </list>
/// The message holds the id, the state and the reason, nothing the entry says.
/// </summary>
public sealed class ErasureRequests(QueueServiceClient queues, EntryErasure erasure)
{
    public const string QueueName = "entry-erasures";

    /// <summary>Asks for the erasure: it is queued, and carried out by the queue's trigger.</summary>
    public Task RequestAsync(string submissionId, ErasureCause cause, CancellationToken cancellationToken) =>
        QueueAsync(new QueuedErasure(submissionId, cause.Reason, cause.State), cancellationToken);

    /// <summary>
    /// A sender's take-down: the erasure is queued first, then the entry marked, so whichever of the
    /// two fails, what was done leads to the whole erasure (a queued erasure marks the entry itself);
    /// then, best effort, its workflow is asked to stop, so it leaves the curation board at once.
    /// Null if there is no such entry.
    /// </summary>
    public async Task<Entry?> TakeDownAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var cause = ErasureCause.TakenDownBySender;
        await RequestAsync(id, cause, cancellationToken);
        var marked = await erasure.MarkAsync(id, cause, cancellationToken);
        if (marked is not null)
        {
            await erasure.TryStopWorkflowAsync(id, durable, cancellationToken);
        }

        return marked;
    }

    private async Task QueueAsync(QueuedErasure request, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await queue.SendMessageAsync(SolidayJson.Serialize(request), cancellationToken: cancellationToken);
    }

    /// <summary>The queue trigger's work: erases the entry. Safe to repeat, as a redelivered message may.</summary>
    public async Task EraseAsync(string message, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var request = SolidayJson.Deserialize<QueuedErasure>(BinaryData.FromString(message));
        await erasure.EraseAsync(request.SubmissionId, new ErasureCause(request.State, request.Reason), durable, cancellationToken);
    }
}
