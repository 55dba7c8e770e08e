using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Imaging;
using Soliday.Timeline;

namespace Soliday.Submissions;

/// <summary>
/// One entry's way to the timeline: prepare every photo (in parallel), offer the entry to curators,
/// wait for a decision or the expiry timer, then publish or discard. Deterministic, as orchestrators
/// must be: all I/O happens in the activities it calls.
/// </summary>
public static class SubmissionOrchestration
{
    public const string InstanceIdPrefix = "submission-";

    public const string ExpiredReason = "No curator reached this entry in time, so it was not published.";

    public const string FaultReason = "Something went wrong on our side while preparing this entry. Please send it again.";

    /// <summary>Storage and network hiccups are worth a few tries; a bad photo is an outcome, not an exception.</summary>
    private static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    /// <summary>A curator has said yes: keep trying for about half an hour before giving up on storage.</summary>
    private static readonly TaskOptions PublishRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10,
        firstRetryInterval: TimeSpan.FromSeconds(5),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(10)));

    public static string InstanceId(string submissionId) => InstanceIdPrefix + submissionId;

    public static async Task<SubmissionWorkflowResult> RunAsync(TaskOrchestrationContext context, SubmissionWorkflowRequest request)
    {
        var id = request.SubmissionId;
        var log = context.CreateReplaySafeLogger(nameof(SubmissionOrchestration));
        PhotoRefusal? refusal;
        try
        {
            refusal = await PrepareAndOfferAsync(context, id);
        }
        catch (TaskFailedException e)
        {
            // A step failed even after its retries (storage down for minutes, say). The entry must not
            // stay "being prepared" for ever: say it failed, so the resident can send it again.
            log.LogError(e, "Submission {SubmissionId} failed at {Step}", id, e.TaskName);
            return await EndUnpublishedAsync(context, id, EntryState.Failed, FaultReason, decision: null);
        }

        if (refusal is not null)
        {
            return await EndUnpublishedAsync(context, id, EntryState.Failed, refusal.Message, decision: null);
        }

        var decision = await WaitForDecisionAsync(context, request.DecisionTimeout);
        if (decision is not { Approve: true })
        {
            return await EndUnpublishedAsync(context, id, EntryState.Rejected, decision?.Reason ?? ExpiredReason, decision);
        }

        context.SetCustomStatus(new SubmissionProgress(EntryState.Published.ToWire()));
        try
        {
            await context.CallActivityAsync<PublishEntryResult>(
                nameof(TimelinePublisher.PublishEntry), new PublishEntryRequest(id, decision, context.CurrentUtcDateTime), PublishRetry);
        }
        catch (TaskFailedException e)
        {
            log.LogError(e, "Submission {SubmissionId} was approved but could not be published", id);
            return await EndUnpublishedAsync(context, id, EntryState.Failed, FaultReason, decision);
        }

        return new SubmissionWorkflowResult(id, EntryState.Published, null);
    }

    /// <summary>Prepares the photos and offers the entry to curators; a refused photo ends it here.</summary>
    private static async Task<PhotoRefusal?> PrepareAndOfferAsync(TaskOrchestrationContext context, string id)
    {
        context.SetCustomStatus(new SubmissionProgress(EntryState.Processing.ToWire()));
        var begun = await context.CallActivityAsync<BeginProcessingResult>(
            nameof(SubmissionSteps.BeginProcessing), new BeginProcessingRequest(id), StorageRetry);

        var photos = await Task.WhenAll(Enumerable.Range(0, begun.PhotoCount).Select(index =>
            context.CallActivityAsync<PreparePhotoResult>(nameof(PhotoPreparation.PreparePhoto), new PreparePhotoRequest(id, index), StorageRetry)));
        if (photos.FirstOrDefault(p => p.Refusal is not null)?.Refusal is { } refusal)
        {
            return refusal;
        }

        // The curation queue lists orchestrations by this status. It is saved with the step that
        // schedules OfferForCuration, so the queue shows the entry no later than the resident's
        // status page does; a decision sent that early waits in the orchestration's inbox.
        context.SetCustomStatus(new SubmissionProgress(EntryState.AwaitingCuration.ToWire(), CurationSummary.For(id, begun, photos)));
        await context.CallActivityAsync<OfferForCurationResult>(
            nameof(CurationSteps.OfferForCuration), new OfferForCurationRequest(id, photos), StorageRetry);
        return null;
    }

    /// <summary>The curator's decision, or null when the expiry timer fires first; the loser is cancelled.</summary>
    private static async Task<CuratorDecisionEvent?> WaitForDecisionAsync(TaskOrchestrationContext context, TimeSpan timeout)
    {
        using var cancelLoser = new CancellationTokenSource();
        var decision = context.WaitForExternalEvent<CuratorDecisionEvent>(nameof(CuratorDecisionEvent), cancelLoser.Token);
        var expiry = context.CreateTimer(context.CurrentUtcDateTime + timeout, cancelLoser.Token);

        var first = await Task.WhenAny(decision, expiry);
        cancelLoser.Cancel(); // synchronous on purpose: orchestrator code stays on its own thread
        return first == decision ? await decision : null;
    }

    /// <summary>Ends the entry unpublished. If even this fails, the orchestration fails and the record keeps its last state.</summary>
    private static async Task<SubmissionWorkflowResult> EndUnpublishedAsync(
        TaskOrchestrationContext context, string id, EntryState state, string reason, CuratorDecisionEvent? decision)
    {
        context.SetCustomStatus(new SubmissionProgress(state.ToWire()));
        await context.CallActivityAsync<DiscardEntryResult>(
            nameof(CurationSteps.DiscardEntry), new DiscardEntryRequest(id, state, reason, decision), StorageRetry);
        return new SubmissionWorkflowResult(id, state, reason);
    }
}
