using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Timeline;

namespace Soliday.Curation;

public sealed record OfferForCurationRequest(string SubmissionId, IReadOnlyList<PreparePhotoResult> Photos);

public sealed record OfferForCurationResult(string SubmissionId, EntryState State);

public sealed record DiscardEntryRequest(string SubmissionId, EntryState State, string Reason, CuratorDecisionEvent? Decision);

public sealed record DiscardEntryResult(string SubmissionId, EntryState State);

/// <summary>The activities around a curator's decision: offer the entry, and discard it when not published.</summary>
public sealed class CurationSteps(
    BlobServiceClient blobs,
    EntryStore entries,
    TimelinePublisher timeline,
    ILogger<CurationSteps> logger)
{
    /// <summary>Records the photos' facts and renditions; the entry now waits for a curator.</summary>
    public async Task<OfferForCurationResult> OfferForCuration(OfferForCurationRequest request)
    {
        var prepared = request.Photos.ToDictionary(p => p.PhotoIndex);
        var entry = await entries.UpdateAsync(request.SubmissionId, e =>
        {
            var photos = e.Photos.Select(p => prepared.TryGetValue(p.Index, out var r)
                ? p with { Facts = r.Facts, Renditions = r.Renditions }
                : p).ToList();
            // Only forward: a redelivered activity must not put a decided entry back in the queue.
            return e.State is EntryState.Received or EntryState.Processing
                ? e with
                {
                    State = EntryState.AwaitingCuration,
                    Text = Entry.TextOrPhotoDescription(e.Text, photos.Select(p => p.Facts)),
                    Photos = photos,
                }
                : e;
        });

        return new OfferForCurationResult(entry.Id, entry.State);
    }

    /// <summary>
    /// Removes the entry from the site, its renditions and its originals (which hold the photo's GPS
    /// and serve no purpose once it will not be published); keeps the record and the reason.
    /// </summary>
    public async Task<DiscardEntryResult> DiscardEntry(DiscardEntryRequest request)
    {
        var id = request.SubmissionId;
        await timeline.UnpublishEntry(id);
        await blobs.DeleteAsync(StorageLayout.Renditions, StorageLayout.EntryFolder(id));
        await blobs.DeleteAsync(StorageLayout.Uploads, StorageLayout.EntryFolder(id));

        await entries.UpdateAsync(id, e => e.State == EntryState.Withdrawn ? e : e with
        {
            State = request.State,
            Reason = request.Reason,
            Decision = request.Decision is { } d ? new CuratorDecisionRecord(d.Curator, d.DecidedAt, d.Approve, d.Reason) : e.Decision,
            Photos = e.Photos.Select(p => p with { Renditions = [] }).ToList(),
        });

        logger.LogInformation("Submission {SubmissionId} ended {State}: {Reason}", id, request.State.ToWire(), request.Reason);
        return new DiscardEntryResult(id, request.State);
    }
}
