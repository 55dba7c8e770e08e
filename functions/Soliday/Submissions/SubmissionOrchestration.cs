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

    /// <summary>Storage and network hiccups are worth a few tries; a bad photo is not an exception here.</summary>
    private static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5,
        firstRetryInterval: TimeSpan.FromSeconds(2),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromMinutes(1)));

    public static string InstanceId(string submissionId) => InstanceIdPrefix + submissionId;

    public static async Task<SubmissionWorkflowResult> RunAsync(TaskOrchestrationContext context, SubmissionWorkflowRequest request)
    {
        try
        {
            return await RunStepsAsync(context, request);
        }
        catch (TaskFailedException e)
        {
            // A step failed even after its retries (storage down for minutes, say). The entry must not
            // stay "being prepared" for ever: say it failed, so the resident can send it again.
            context.CreateReplaySafeLogger(nameof(SubmissionOrchestration))
                .LogError(e, "Submission {SubmissionId} failed at {Step}", request.SubmissionId, e.TaskName);
            return await EndUnpublishedAsync(context, request.SubmissionId, EntryState.Failed, FaultReason, decision: null);
        }
    }

    private static async Task<SubmissionWorkflowResult> RunStepsAsync(TaskOrchestrationContext context, SubmissionWorkflowRequest request)
    {
        var id = request.SubmissionId;
        context.SetCustomStatus(new SubmissionProgress(EntryState.Processing.ToWire()));

        var begun = await context.CallActivityAsync<BeginProcessingResult>(
            nameof(SubmissionSteps.BeginProcessing), new BeginProcessingRequest(id), StorageRetry);

        var photos = await Task.WhenAll(Enumerable.Range(0, begun.PhotoCount).Select(index =>
            context.CallActivityAsync<PreparePhotoResult>(nameof(PhotoPreparation.PreparePhoto), new PreparePhotoRequest(id, index), StorageRetry)));

        if (photos.FirstOrDefault(p => p.Refusal is not null)?.Refusal is { } refusal)
        {
            return await EndUnpublishedAsync(context, id, EntryState.Failed, refusal.Message, decision: null);
        }

        // The queue (custom status) shows the entry before the resident's status page says it waits:
        // the status is saved when the next activity is scheduled, before that activity runs.
        context.SetCustomStatus(new SubmissionProgress(EntryState.AwaitingCuration.ToWire(), CurationSummary.For(id, begun, photos)));
        await context.CallActivityAsync<OfferForCurationResult>(
            nameof(CurationSteps.OfferForCuration), new OfferForCurationRequest(id, photos), StorageRetry);

        var decision = await WaitForDecisionAsync(context, request.DecisionTimeout);
        if (decision is { Approve: true })
        {
            context.SetCustomStatus(new SubmissionProgress(EntryState.Published.ToWire()));
            await context.CallActivityAsync<PublishEntryResult>(
                nameof(TimelinePublisher.PublishEntry), new PublishEntryRequest(id, decision), StorageRetry);
            return new SubmissionWorkflowResult(id, EntryState.Published, null);
        }

        return await EndUnpublishedAsync(context, id, EntryState.Rejected, decision?.Reason ?? ExpiredReason, decision);
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

    private static async Task<SubmissionWorkflowResult> EndUnpublishedAsync(
        TaskOrchestrationContext context, string id, EntryState state, string reason, CuratorDecisionEvent? decision)
    {
        context.SetCustomStatus(new SubmissionProgress(state.ToWire()));
        await context.CallActivityAsync<DiscardEntryResult>(
            nameof(CurationSteps.DiscardEntry), new DiscardEntryRequest(id, state, reason, decision), StorageRetry);
        return new SubmissionWorkflowResult(id, state, reason);
    }
}
