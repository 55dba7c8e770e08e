using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Submissions;
using Soliday.Telemetry;

namespace Soliday.Workflow;

public sealed record PrepareAndOfferRequest(string SubmissionId);

/// <param name="Summary">What the curation page shows of the entry; null when a photo was refused or the entry was taken down.</param>
/// <param name="Refusal">Why a photo could not be prepared: the entry ends here, failed.</param>
public sealed record PrepareAndOfferResult(CurationSummary? Summary, PhotoRefusal? Refusal);

/// <summary>
/// The way from a received entry to the curators' queue as one step: begin processing, prepare every
/// photo (in parallel, each through the decode slots), offer the entry. One durable round trip
/// instead of three: each round trip costs the engine more than the step's own storage work (see
/// docs/benchmarks.md). Each part is safe to run again, so a retried step picks up where it failed.
/// The record is read as the step begins; the offer's update, after every photo is written, is
/// written on the condition that the record is still as the step left it, so a take-down meanwhile
/// makes it read the record again and see it: no photo needs a read of its own to look for one.
/// Workflows started before this step existed keep calling the three steps by their own names.
/// </summary>
public sealed class PreparationActivities(SubmissionSteps submissions, PhotoPreparation preparation, CurationSteps curation, ILogger<PreparationActivities> logger)
{
    public async Task<PrepareAndOfferResult> PrepareAndOffer(PrepareAndOfferRequest request)
    {
        var id = request.SubmissionId;
        using var step = SubmissionStep.Begin(logger, nameof(PrepareAndOffer), id);
        var begun = await submissions.BeginProcessingAsync(id);
        var photos = await Task.WhenAll(Enumerable.Range(0, begun.Entry.Photos.Count).Select(index => preparation.PrepareBeforeOfferAsync(begun.Entry, index)));
        if (photos.FirstOrDefault(p => p.Refusal is not null)?.Refusal is { } refusal)
        {
            return new PrepareAndOfferResult(null, refusal);
        }

        var summary = await curation.OfferAsync(begun, photos);
        if (summary is null && photos.Any(photo => photo.Renditions.Count > 0))
        {
            // Taken down while this ran: the offer's update, after every rendition was written,
            // found the record changed and read it, so what landed after the take-down removed
            // its renditions goes now.
            await preparation.RemoveAsync(photos);
            logger.LogInformation("Submission {SubmissionId} was taken down while it was prepared; its renditions are removed", id);
        }

        return new PrepareAndOfferResult(summary, null);
    }
}
