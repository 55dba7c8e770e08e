using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Notifications;
using Soliday.Submissions;

namespace Soliday.Workflow;

/// <summary>
/// One entry's life: prepare its photos (in parallel), offer it to curators, wait for their decision
/// (taking edits, a reminder when it waits too long, expiry when nobody comes), publish or discard
/// it, and once published, follow curators' changes for a while. Deterministic, as orchestrators
/// must be: all I/O happens in the activities it calls.
/// </summary>
public static class SubmissionOrchestration
{
    public const string ExpiredReason = "No curator reached this entry in time, so it was not published.";

    public const string FaultReason = "Something went wrong on our side while preparing this entry. Please send it again.";

    public const string DeletedAtSourceReason = "The author deleted this post before it could be published, so it was not published.";

    public const string DeletedAfterPublicationReason = "The author deleted this post, so it was taken off the timeline.";

    /// <summary>A curator took a published entry off without giving a reason of their own.</summary>
    public const string RemovedByCuratorReason = "Taken off the timeline by a curator.";

    /// <summary>Storage and network hiccups are worth a few tries; a bad photo is an outcome, not an exception.</summary>
    private static readonly TaskOptions StorageRetry = Doubling(attempts: 5, first: TimeSpan.FromSeconds(2), longest: TimeSpan.FromMinutes(1));

    /// <summary>
    /// An entry already on the site, published again after a change: the old version stays live
    /// meanwhile, so give up within seconds and show curators it needs attention (saving it again
    /// retries) rather than keep them guessing for half an hour.
    /// </summary>
    private static readonly TaskOptions RepublishRetry = Doubling(attempts: 3, first: TimeSpan.FromSeconds(2), longest: TimeSpan.FromSeconds(10));

    /// <summary>
    /// Asking a post's source whether it still exists: a few tries over about a minute. A source
    /// that still cannot answer does not undo a curator's approval (see <see cref="DeletedAtSourceAsync"/>).
    /// </summary>
    private static readonly TaskOptions SourceCheckRetry = Doubling(attempts: 4, first: TimeSpan.FromSeconds(5), longest: TimeSpan.FromSeconds(30));

    /// <summary>
    /// A resident's email is a courtesy: a few tries over about a minute, and a mail server that stays
    /// down never holds up or fails the entry (see <see cref="MailResidentAsync"/>).
    /// </summary>
    private static readonly TaskOptions MailRetry = Doubling(attempts: 4, first: TimeSpan.FromSeconds(5), longest: TimeSpan.FromSeconds(30));

    /// <summary>A curator has said yes: keep trying for about half an hour before giving up on storage.</summary>
    private static readonly TaskOptions PublishRetry = Doubling(attempts: 10, first: TimeSpan.FromSeconds(5), longest: TimeSpan.FromMinutes(10));

    /// <summary>Retries whose wait doubles from <paramref name="first"/> up to <paramref name="longest"/>.</summary>
    private static TaskOptions Doubling(int attempts, TimeSpan first, TimeSpan longest) =>
        TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: attempts, firstRetryInterval: first, backoffCoefficient: 2, maxRetryInterval: longest));

    public static async Task<SubmissionWorkflowResult> RunAsync(TaskOrchestrationContext context, SubmissionWorkflowRequest request)
    {
        if (request.Published is { } published)
        {
            return await FollowPublishedAsync(context, request, published);
        }

        var id = request.SubmissionId;
        var log = context.CreateReplaySafeLogger(nameof(SubmissionOrchestration));
        await MailResidentAsync(context, request, ResidentNote.Receipt);
        (CurationSummary? Summary, PhotoRefusal? Refusal) offer;
        try
        {
            offer = request.PrepareInOneStep ? await PrepareAndOfferAsync(context, id) : await PrepareAndOfferInThreeStepsAsync(context, id);
        }
        catch (TaskFailedException e)
        {
            // A step failed even after its retries (storage down for minutes, say). The entry must not
            // stay "being prepared" for ever: say it failed, so the resident can send it again.
            log.LogError(e, "Submission {SubmissionId} failed at {Step}", id, e.TaskName);
            return await EndUnpublishedAndTellAsync(context, request, EntryState.Failed, FaultReason, decision: null, summary: null);
        }

        if (offer.Refusal is { } refusal)
        {
            return await EndUnpublishedAndTellAsync(context, request, EntryState.Failed, refusal.Message, decision: null, summary: null);
        }

        if (offer.Summary is null)
        {
            // Taken down while it was prepared: the take-down removes everything and ends this workflow.
            context.SetCustomStatus(new SubmissionProgress(EntryState.Withdrawn.ToWire()));
            return new SubmissionWorkflowResult(id, EntryState.Withdrawn, EntryErasure.TakedownReason);
        }

        var (decision, summary) = await AwaitDecisionAsync(context, request, offer.Summary);
        if (decision is not { Action: CurationAction.Approve })
        {
            return await EndUnpublishedAndTellAsync(context, request, EntryState.Rejected, decision?.Reason ?? ExpiredReason, decision, summary);
        }

        if (request.CheckSourceBeforePublishing && await DeletedAtSourceAsync(context, id))
        {
            return await EndUnpublishedAndTellAsync(context, request, EntryState.Rejected, DeletedAtSourceReason, decision, summary);
        }

        var publishedAt = context.CurrentUtcDateTime;
        context.SetCustomStatus(new SubmissionProgress(EntryState.Published.ToWire(), summary));
        try
        {
            await PublishAsync(context, id, publishedAt, decision);
        }
        catch (TaskFailedException e)
        {
            log.LogError(e, "Submission {SubmissionId} was approved but could not be published", id);
            return await EndUnpublishedAndTellAsync(context, request, EntryState.Failed, FaultReason, decision, summary);
        }

        await MailResidentAsync(context, request, ResidentNote.Outcome);

        // From here on the entry is followed for changes; continuing as new keeps its history short.
        context.ContinueAsNew(
            request with { Published = new PublishedEntry(summary, publishedAt, context.CurrentUtcDateTime + request.ChangesAfterPublication) },
            preserveUnprocessedEvents: true);
        return new SubmissionWorkflowResult(id, EntryState.Published, null);
    }

    /// <summary>Prepares the photos and offers the entry to curators; a refused photo ends it here, and so does a take-down (no summary, no refusal).</summary>
    private static async Task<(CurationSummary? Summary, PhotoRefusal? Refusal)> PrepareAndOfferAsync(TaskOrchestrationContext context, string id)
    {
        context.SetCustomStatus(new SubmissionProgress(EntryState.Processing.ToWire()));
        var offered = await context.CallActivityAsync<PrepareAndOfferResult>(
            nameof(PreparationActivities.PrepareAndOffer), new PrepareAndOfferRequest(id), StorageRetry);
        return (offered.Summary, offered.Refusal);
    }

    /// <summary>
    /// The same as <see cref="PrepareAndOfferAsync"/> in the three steps of workflows started before
    /// it existed: their history names these steps, so their replay must take them, unchanged.
    /// </summary>
    private static async Task<(CurationSummary? Summary, PhotoRefusal? Refusal)> PrepareAndOfferInThreeStepsAsync(TaskOrchestrationContext context, string id)
    {
        context.SetCustomStatus(new SubmissionProgress(EntryState.Processing.ToWire()));
        var begun = await context.CallActivityAsync<BeginProcessingResult>(
            nameof(SubmissionActivities.BeginProcessing), new BeginProcessingRequest(id), StorageRetry);

        var photos = await Task.WhenAll(Enumerable.Range(0, begun.PhotoCount).Select(index =>
            context.CallActivityAsync<PreparePhotoResult>(nameof(ImagingActivities.PreparePhoto), new PreparePhotoRequest(id, index), StorageRetry)));
        if (photos.FirstOrDefault(p => p.Refusal is not null)?.Refusal is { } refusal)
        {
            return (null, refusal);
        }

        var offered = await context.CallActivityAsync<OfferForCurationResult>(
            nameof(CurationActivities.OfferForCuration), new OfferForCurationRequest(id, photos), StorageRetry);
        return (offered.Summary, null);
    }

    /// <summary>
    /// Waits for a curator's approval or rejection, raced against the reminder and expiry timers
    /// (losers cancelled). Edits and featuring on the way are applied and the wait goes on.
    /// Returns the deciding event, or null when the entry expired.
    /// </summary>
    private static async Task<(CuratorDecisionEvent? Decision, CurationSummary Summary)> AwaitDecisionAsync(
        TaskOrchestrationContext context, SubmissionWorkflowRequest request, CurationSummary summary)
    {
        var waitingSince = context.CurrentUtcDateTime;
        var expiresAt = waitingSince + request.DecisionTimeout;
        var remindAt = waitingSince + request.ReminderAfter;
        var reminded = remindAt >= expiresAt; // a reminder after expiry would never be read
        while (true)
        {
            context.SetCustomStatus(new SubmissionProgress(EntryState.AwaitingCuration.ToWire(), summary));
            using var cancelLosers = new CancellationTokenSource();
            var decision = context.WaitForExternalEvent<CuratorDecisionEvent>(nameof(CuratorDecisionEvent), cancelLosers.Token);
            var (expiry, reminder) = request.OneTimerAtATime
                ? NextTimer(context, reminded ? expiresAt : remindAt, reminded, cancelLosers.Token)
                : (context.CreateTimer(expiresAt, cancelLosers.Token), reminded ? null : context.CreateTimer(remindAt, cancelLosers.Token));
            var first = await Task.WhenAny(new Task?[] { decision, expiry, reminder }.OfType<Task>());
            cancelLosers.Cancel(); // synchronous on purpose: orchestrator code stays on its own thread

            if (first == expiry)
            {
                return (null, summary);
            }

            if (first == reminder)
            {
                reminded = true;
                summary = summary.Overdue();
                await context.CallActivityAsync<RemindCuratorsResult>(
                    nameof(CurationActivities.RemindCurators), new RemindCuratorsRequest(request.SubmissionId, summary, waitingSince), StorageRetry);
                continue;
            }

            var received = await decision;
            if (received.Action is CurationAction.Approve or CurationAction.Reject)
            {
                return (received, summary);
            }

            if (received.Action == CurationAction.Unpublish)
            {
                continue; // nothing is published yet to take off
            }

            var changed = await context.CallActivityAsync<ApplyChangeResult>(
                nameof(CurationActivities.ApplyChange), new ApplyChangeRequest(request.SubmissionId, received), StorageRetry);
            summary = reminded ? changed.Summary.Overdue() : changed.Summary;
        }
    }

    /// <summary>
    /// The one timer an entry waits on: the reminder until it has been sent, then the expiry. Every
    /// timer is a message the engine keeps until it is due, even once cancelled, so one at a time
    /// halves what thousands of waiting entries leave in its queues (see docs/benchmarks.md).
    /// </summary>
    private static (Task? Expiry, Task? Reminder) NextTimer(TaskOrchestrationContext context, DateTime dueAt, bool reminded, CancellationToken cancellation)
    {
        var timer = context.CreateTimer(dueAt, cancellation);
        return reminded ? (timer, null) : (null, timer);
    }

    /// <summary>
    /// After publication: a curator may edit or feature the entry (it is published again, that
    /// entry only) or take it off the timeline (unpublish), until <see cref="PublishedEntry.Until"/>.
    /// A post from elsewhere is asked after at its source meanwhile: once its author has deleted
    /// it, it is erased (<see cref="ErasureRequests"/>: the workflow ends, and is purged).
    /// </summary>
    private static async Task<SubmissionWorkflowResult> FollowPublishedAsync(TaskOrchestrationContext context, SubmissionWorkflowRequest request, PublishedEntry published)
    {
        var id = request.SubmissionId;
        context.SetCustomStatus(new SubmissionProgress(EntryState.Published.ToWire(), published.Summary));
        using var cancelLosers = new CancellationTokenSource();
        var change = context.WaitForExternalEvent<CuratorDecisionEvent>(nameof(CuratorDecisionEvent), cancelLosers.Token);
        var done = context.CreateTimer(published.Until, cancelLosers.Token);

        // Created after the others, so instances that waited before this check existed replay as they were.
        var checkAt = context.CurrentUtcDateTime + (request.SourceCheckEvery ?? EntryWorkflow.DefaultSourceCheckEvery);
        var sourceCheck = request.CheckSourceBeforePublishing && checkAt < published.Until ? context.CreateTimer(checkAt, cancelLosers.Token) : null;
        var first = await Task.WhenAny(sourceCheck is null ? [change, done] : [change, done, sourceCheck]);
        cancelLosers.Cancel(); // synchronous on purpose: orchestrator code stays on its own thread
        if (first == done)
        {
            return new SubmissionWorkflowResult(id, EntryState.Published, null);
        }

        if (first == sourceCheck)
        {
            if (await DeletedAtSourceAsync(context, id))
            {
                context.SetCustomStatus(new SubmissionProgress(EntryState.Removed.ToWire()));
                await context.CallActivityAsync<RequestErasureResult>(
                    nameof(SubmissionActivities.RequestErasure), new RequestErasureRequest(id, DeletedAfterPublicationReason), StorageRetry);
                return new SubmissionWorkflowResult(id, EntryState.Removed, DeletedAfterPublicationReason);
            }

            context.ContinueAsNew(request, preserveUnprocessedEvents: true);
            return new SubmissionWorkflowResult(id, EntryState.Published, null);
        }

        var received = await change;
        if (received.Action == CurationAction.Unpublish)
        {
            return await EndUnpublishedAsync(context, id, EntryState.Rejected, received.Reason ?? RemovedByCuratorReason, received, published.Summary);
        }

        var summary = published.Summary;
        if (received.Action is CurationAction.Edit or CurationAction.Feature or CurationAction.Unfeature)
        {
            summary = (await context.CallActivityAsync<ApplyChangeResult>(nameof(CurationActivities.ApplyChange), new ApplyChangeRequest(id, received), StorageRetry)).Summary;
            try
            {
                await PublishAsync(context, id, published.PublishedAt, decision: null, RepublishRetry, changedAt: context.CurrentUtcDateTime);
            }
            catch (TaskFailedException e)
            {
                // The record has the change, the site does not: flag it on the board until a curator
                // saves it again and the publish goes through (the next summary is made afresh).
                context.CreateReplaySafeLogger(nameof(SubmissionOrchestration)).LogError(e, "Submission {SubmissionId} was changed but could not be published again", id);
                summary = summary.NotRepublished();
            }
        }

        context.ContinueAsNew(request with { Published = published with { Summary = summary } }, preserveUnprocessedEvents: true);
        return new SubmissionWorkflowResult(id, EntryState.Published, null);
    }

    /// <summary>
    /// True when the post this entry was taken from has been deleted by its author. When its source
    /// cannot say (down for longer than the retries), false: an outage must not undo a curator's
    /// approval, and a curator can still take the entry off the timeline. After publication the
    /// next check asks again.
    /// </summary>
    private static async Task<bool> DeletedAtSourceAsync(TaskOrchestrationContext context, string id)
    {
        try
        {
            var check = await context.CallActivityAsync<CheckSourcePostResult>(
                nameof(HashtagActivities.CheckSourcePost), new CheckSourcePostRequest(id), SourceCheckRetry);
            return check.Gone;
        }
        catch (TaskFailedException e)
        {
            context.CreateReplaySafeLogger(nameof(SubmissionOrchestration)).LogWarning(e, "Submission {SubmissionId}: its source could not say whether the post still exists; it stays on the curator's approval", id);
            return false;
        }
    }

    private static Task<PublishEntryResult> PublishAsync(
        TaskOrchestrationContext context, string id, DateTimeOffset publishedAt, CuratorDecisionEvent? decision, TaskOptions? retry = null, DateTimeOffset? changedAt = null) =>
        context.CallActivityAsync<PublishEntryResult>(
            nameof(TimelineActivities.PublishEntry),
            new PublishEntryRequest(id, publishedAt, decision is null ? null : CuratorDecisionRecord.From(decision), changedAt),
            retry ?? PublishRetry);

    /// <summary>Ends the entry unpublished, then tells the resident why, if they asked to be told.</summary>
    private static async Task<SubmissionWorkflowResult> EndUnpublishedAndTellAsync(
        TaskOrchestrationContext context, SubmissionWorkflowRequest request, EntryState state, string reason, CuratorDecisionEvent? decision, CurationSummary? summary)
    {
        var result = await EndUnpublishedAsync(context, request.SubmissionId, state, reason, decision, summary);
        await MailResidentAsync(context, request, ResidentNote.Outcome);
        return result;
    }

    /// <summary>
    /// The receipt or the note of the outcome, only for a resident who asked (no step at all
    /// otherwise). A failure after the retries is logged by the step and goes no further.
    /// </summary>
    private static async Task MailResidentAsync(TaskOrchestrationContext context, SubmissionWorkflowRequest request, ResidentNote note)
    {
        if (!request.MailResident)
        {
            return;
        }

        try
        {
            await context.CallActivityAsync<NotifyResidentResult>(nameof(NotificationActivities.NotifyResident), new NotifyResidentRequest(request.SubmissionId, note), MailRetry);
        }
        catch (TaskFailedException e)
        {
            context.CreateReplaySafeLogger(nameof(SubmissionOrchestration)).LogWarning(e, "Submission {SubmissionId}: the {Note} could not be emailed", request.SubmissionId, note);
        }
    }

    /// <summary>Ends the entry unpublished. If even this fails, the orchestration fails and the record keeps its last state.</summary>
    private static async Task<SubmissionWorkflowResult> EndUnpublishedAsync(
        TaskOrchestrationContext context, string id, EntryState state, string reason, CuratorDecisionEvent? decision, CurationSummary? summary)
    {
        context.SetCustomStatus(new SubmissionProgress(state.ToWire(), summary));
        await context.CallActivityAsync<DiscardEntryResult>(
            nameof(CurationActivities.DiscardEntry), new DiscardEntryRequest(id, state, reason, decision), StorageRetry);
        return new SubmissionWorkflowResult(id, state, reason);
    }
}
