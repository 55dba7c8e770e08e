using Azure.Storage.Queues;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Telemetry;

namespace Soliday.Submissions;

public sealed record RequestErasureRequest(string SubmissionId, string Reason);

public sealed record RequestErasureResult(string SubmissionId);

/// <summary>
/// Erasures the workflow itself decides on (a published post its author has deleted at its source).
/// A workflow cannot purge its own instance, so its activity puts the entry's id on the
/// <c>entry-erasures</c> queue, the workflow ends, and the queue's trigger on either host erases
/// the entry with <see cref="EntryErasure"/>, purge included. The message holds the id and the
/// workflow's own reason, nothing the entry says.
/// </summary>
public sealed class ErasureRequests(QueueServiceClient queues, EntryErasure erasure, ILogger<ErasureRequests> logger)
{
    public const string QueueName = "entry-erasures";

    /// <summary>The activity: asks for the erasure.</summary>
    public async Task<RequestErasureResult> RequestErasure(RequestErasureRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(RequestErasure), request.SubmissionId);
        var queue = queues.GetQueueClient(QueueName);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync(SolidayJson.Serialize(request));
        return new RequestErasureResult(request.SubmissionId);
    }

    /// <summary>The queue trigger's work: erases the entry. Safe to repeat, as a redelivered message may.</summary>
    public async Task EraseAsync(string message, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var request = SolidayJson.Deserialize<RequestErasureRequest>(BinaryData.FromString(message));
        await erasure.EraseAsync(request.SubmissionId, new ErasureCause(EntryState.Removed, request.Reason), durable, cancellationToken);
    }
}
