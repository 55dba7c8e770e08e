using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Telemetry;
using Soliday.Timeline;

namespace Soliday.Workflow;

public sealed record OfferForCurationRequest(string SubmissionId, IReadOnlyList<PreparePhotoResult> Photos);

/// <param name="Summary">What the curation page shows of the entry; null when it was taken down.</param>
/// <param name="Withdrawn">Its sender took it down before it reached curators: the workflow ends.</param>
public sealed record OfferForCurationResult(CurationSummary? Summary, bool Withdrawn);

public sealed record ApplyChangeRequest(string SubmissionId, CuratorDecisionEvent Change);

/// <param name="Summary">The entry as it now stands, flags recomputed.</param>
public sealed record ApplyChangeResult(CurationSummary Summary);

public sealed record RemindCuratorsRequest(string SubmissionId, CurationSummary Summary, DateTimeOffset WaitingSince);

public sealed record RemindCuratorsResult(string SubmissionId);

public sealed record DiscardEntryRequest(string SubmissionId, EntryState State, string Reason, CuratorDecisionEvent? Decision);

public sealed record DiscardEntryResult(string SubmissionId, EntryState State);

/// <summary>The workflow's steps around curation (<see cref="CurationSteps"/>): offer the entry, apply a curator's changes, remind, discard.</summary>
public sealed class CurationActivities(CurationSteps steps, TimelinePublisher timeline, WorkflowReasons reasons, ILogger<CurationActivities> logger)
{
    public async Task<OfferForCurationResult> OfferForCuration(OfferForCurationRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(OfferForCuration), request.SubmissionId);
        var summary = await steps.OfferAsync(request.SubmissionId, [.. request.Photos.Select(photo => photo.ToPreparedPhoto())]);
        return new OfferForCurationResult(summary, Withdrawn: summary is null);
    }

    public async Task<ApplyChangeResult> ApplyChange(ApplyChangeRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(ApplyChange), request.SubmissionId);
        return new ApplyChangeResult(await steps.ApplyChangeAsync(request.SubmissionId, request.Change));
    }

    public async Task<RemindCuratorsResult> RemindCurators(RemindCuratorsRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(RemindCurators), request.SubmissionId);
        await steps.RemindAsync(request.SubmissionId, request.WaitingSince);
        return new RemindCuratorsResult(request.SubmissionId);
    }

    /// <summary>Ends the entry unpublished: off the site (it may have been published before, then unpublished), then its files and its record.</summary>
    public async Task<DiscardEntryResult> DiscardEntry(DiscardEntryRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(DiscardEntry), request.SubmissionId);
        await timeline.UnpublishEntry(request.SubmissionId);
        await steps.DiscardAsync(request.SubmissionId, request.State, reasons.Say(request.Reason), request.Decision);
        return new DiscardEntryResult(request.SubmissionId, request.State);
    }
}
