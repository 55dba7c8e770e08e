using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Telemetry;

namespace Soliday.Timeline;

/// <param name="PublishedAt">From the orchestration's clock, so a retried publish records the same time.</param>
/// <param name="Decision">The approval; null when an entry already published is published again after a change.</param>
public sealed record PublishEntryRequest(string SubmissionId, DateTimeOffset PublishedAt, CuratorDecisionRecord? Decision);

/// <param name="Hour">The hour it was published at; null when it was taken down first.</param>
public sealed record PublishEntryResult(string SubmissionId, int? Hour);

/// <summary>
/// The <c>PublishEntry</c> activity and its undo: puts an approved entry's renditions on the site,
/// records it in its hour's index and re-renders the day page. Every step can run twice safely.
/// </summary>
public sealed class TimelinePublisher(
    BlobServiceClient blobs,
    EntryStore entries,
    TimelineIndex index,
    SiteWriter site,
    IOptions<SolidayOptions> soliday,
    ILogger<TimelinePublisher> logger)
{
    /// <summary>A rendition's name never changes meaning: browsers may keep it for a year.</summary>
    private const string ImmutableCaching = "public, max-age=31536000, immutable";

    public async Task<PublishEntryResult> PublishEntry(PublishEntryRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(PublishEntry), request.SubmissionId);
        var entry = await entries.GetAsync(request.SubmissionId);
        if (entry.State == EntryState.Withdrawn)
        {
            return new PublishEntryResult(entry.Id, Hour: null); // its sender took it down first
        }

        try
        {
            await CopyRenditionsToSiteAsync(entry);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            if (await IsWithdrawnAsync(entry.Id))
            {
                return new PublishEntryResult(entry.Id, Hour: null); // taken down while this ran: its renditions are gone
            }

            throw;
        }

        var day = soliday.Value.Day;
        var published = ToTimelineEntry(entry, request.PublishedAt);
        var hour = TimeZoneInfo.ConvertTime(published.PlacedAt, soliday.Value.Zone).Hour;
        var change = await index.UpdateHourAsync(day, hour, h => h.Upsert(published));
        await site.RenderDayAsync(day, change);

        // Checked again after writing: a take-down that cleaned up just before that write is undone here.
        if (await IsWithdrawnAsync(entry.Id))
        {
            await UnpublishEntry(entry.Id);
            return new PublishEntryResult(entry.Id, Hour: null);
        }

        // The record says "published" last, so a resident who sees it finds the entry on the site.
        await entries.UpdateAsync(entry.Id, e => e.State == EntryState.Withdrawn ? e : e with
        {
            State = EntryState.Published,
            PublishedAt = request.PublishedAt,
            Reason = null,
            Decision = request.Decision ?? e.Decision,
        });

        SolidayTelemetry.EntriesPublished.Add(1);
        logger.LogInformation("Submission {SubmissionId} published at hour {Hour}", entry.Id, hour);
        return new PublishEntryResult(entry.Id, hour);
    }

    /// <summary>Takes an entry off the day's timeline and off the site. Nothing changes if it was never there.</summary>
    public async Task UnpublishEntry(string submissionId)
    {
        using var step = SubmissionStep.Begin(logger, nameof(UnpublishEntry), submissionId);
        var day = soliday.Value.Day;
        foreach (var hour in await index.ReadDayAsync(day))
        {
            if (hour.Entries.Any(e => e.Id == submissionId)
                && await index.UpdateHourAsync(day, hour.Hour, h => h.Remove(submissionId)) is { } change)
            {
                await site.RenderDayAsync(day, change);
            }
        }

        await blobs.DeleteAsync(StorageLayout.Site, StorageLayout.PublicMediaFolder(submissionId));
    }

    private async Task<bool> IsWithdrawnAsync(string id) => (await entries.FindAsync(id))?.State == EntryState.Withdrawn;

    private async Task CopyRenditionsToSiteAsync(Entry entry)
    {
        var renditions = blobs.GetBlobContainerClient(StorageLayout.Renditions);
        var media = blobs.GetBlobContainerClient(StorageLayout.Site);
        foreach (var rendition in entry.Photos.SelectMany(p => p.Renditions))
        {
            var content = (await renditions.GetBlobClient(rendition.BlobName).DownloadContentAsync()).Value.Content;
            await media.GetBlobClient(StorageLayout.PublicMedia(rendition.BlobName))
                .CreateOnceAsync(content, BlobWrites.Headers(rendition.ContentType, ImmutableCaching));
        }
    }

    private TimelineEntry ToTimelineEntry(Entry entry, DateTimeOffset publishedAt) => new()
    {
        Id = entry.Id,
        Text = entry.Text,
        Credit = entry.Credit,
        Licence = entry.Licence,
        MomentAt = entry.MomentAt,
        PlacedAt = soliday.Value.DateOf(entry.MomentAt) == soliday.Value.Day ? entry.MomentAt : entry.SentAt,
        PublishedAt = publishedAt,
        SourceUrl = entry.SourcePost?.Url,
        Photos = entry.Photos.Select(p => new TimelinePhoto(
            p.Alt,
            p.Facts?.Width ?? 0,
            p.Facts?.Height ?? 0,
            p.Renditions.Select(r => new TimelineImage(StorageLayout.PublicMedia(r.BlobName), r.Format, r.Width, r.Height)).ToList())).ToList(),
    };
}
