using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Telemetry;

namespace Soliday.Timeline;

/// <summary>
/// What the workflow's <c>PublishEntry</c> step does, and its undo. Publishing puts the entry's renditions on the
/// site, records where it is placed, updates its hour's index and its tags' indexes (each by ETag
/// compare-and-swap), appends it to the recent log, then brings the site up to date from those snapshots
/// alone (<see cref="SiteWriter"/>): the cost of one publish does not grow with the day. Every step
/// can run twice safely; publishing an entry again (after an edit) replaces it everywhere.
/// </summary>
public sealed class TimelinePublisher(
    BlobServiceClient blobs,
    EntryStore entries,
    TimelineIndex index,
    RecentLog recent,
    PlacementStore placements,
    SiteWriter site,
    WaitingIndex waiting,
    IOptions<SolidayOptions> soliday,
    ILogger<TimelinePublisher> logger)
{
    private DateOnly Day => soliday.Value.Day;

    /// <summary>Publishes the entry, or publishes it again after a change; returns the hour it is placed at, or null when it was taken down first.</summary>
    /// <param name="publishedAt">From the orchestration's clock, so a retried publish records the same time.</param>
    /// <param name="decision">The approval; null when an entry already published is published again after a change.</param>
    /// <param name="changedAt">When a curator's change after publication was made (orchestration clock); null for the first publish.</param>
    public async Task<int?> PublishAsync(string submissionId, DateTimeOffset publishedAt, CuratorDecisionRecord? decision, DateTimeOffset? changedAt = null)
    {
        var placedBefore = placements.FindAsync(Day, submissionId); // read alongside the entry and its media, which it does not depend on
        var entry = await entries.GetAsync(submissionId);
        if (entry.State.IsErased())
        {
            await placedBefore;
            return null; // its sender took it down first
        }

        try
        {
            await CopyRenditionsToSiteAsync(entry);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await placedBefore;
            if (await IsErasedAsync(entry.Id))
            {
                return null; // taken down while this ran: its renditions are gone
            }

            throw;
        }

        var published = ToTimelineEntry(entry, publishedAt, changedAt);
        var hour = TimeZoneInfo.ConvertTime(published.PlacedAt, soliday.Value.Zone).Hour;
        var before = await placedBefore;
        var placement = EntryPlacement.Of(published, hour);
        if (before is not null && before.Hour != hour)
        {
            // Placed in another hour before (a changed time, say): taken out of it while the stored
            // placement still names it, so a retry after a failure here cleans that hour again.
            await RemoveAsync(entry.Id, [before], deleteFiles: false);
            before = null;
        }

        // Where it goes is written before any index: whoever takes it off from now on finds it. Until
        // every index and page is updated it names the tags the entry leaves too, so a retry after a
        // failure still takes it off them, and so does a take-down.
        var widened = before is null ? placement : placement with { Tags = [.. placement.Tags.UnionBy(before.Tags, PublicTags.Slug)] };
        await placements.SaveAsync(Day, widened);
        await site.ApplyAsync(await PlaceAsync(published, hour, before));
        if (widened.Tags.Count != placement.Tags.Count)
        {
            await placements.SaveAsync(Day, placement);
        }

        // Checked again after writing: a take-down that cleaned up just before those writes is undone here,
        // from this publish's own placement (the take-down may already have deleted the stored one).
        if (await IsErasedAsync(entry.Id))
        {
            await RemoveAsync(entry.Id, [widened]);
            return null;
        }

        // The record says "published" last, so a resident who sees it finds the entry on the site.
        await entries.UpdateAsync(entry.Id, e => e.State.IsErased() ? e : e with
        {
            State = EntryState.Published,
            PublishedAt = publishedAt,
            Reason = null,
            Decision = decision ?? e.Decision,
        });

        await waiting.RemoveAsync(entry.Id, entry.ReceivedAt); // the approval took it off already, unless it came in the moment before its card
        SolidayTelemetry.EntriesPublished.Add(1);
        logger.LogInformation("Submission {SubmissionId} published at hour {Hour}", entry.Id, hour);
        return hour;
    }

    /// <summary>
    /// Takes an entry off the site: out of its hour, its tags and the recent entries, then every page
    /// and file made from them, then its own page, manifest and media. Nothing changes if it was
    /// never there: an entry never published has no placement, and costs a few deletes.
    /// </summary>
    public async Task UnpublishEntry(string submissionId)
    {
        using var step = SubmissionStep.Begin(logger, nameof(UnpublishEntry), submissionId);
        var placement = await placements.FindAsync(Day, submissionId);
        await RemoveAsync(submissionId, placement is null ? [] : [placement]);
    }

    private async Task RemoveAsync(string id, IReadOnlyList<EntryPlacement> from, bool deleteFiles = true)
    {
        foreach (var placement in from.DistinctBy(p => p.Hour))
        {
            var tags = from.Where(p => p.Hour == placement.Hour).SelectMany(p => p.Tags).DistinctBy(PublicTags.Slug).ToList();
            var hourUpdate = index.UpdateHourAsync(Day, placement.Hour, h => h.Remove(id));
            var tagUpdates = tags.Select(async tag => TagChange(tag, await index.UpdateTagHourAsync(Day, PublicTags.Slug(tag), placement.Hour, h => h.Remove(id)))).ToList();
            var hourUpdated = await hourUpdate;
            var recentLength = await recent.AppendAsync(RecentRecord.Removed(id));
            await site.ApplyAsync(new SiteChange(hourUpdated.After, placement.AsOrderKey(), Published: false, await Task.WhenAll(tagUpdates), recentLength, hourUpdated.Before));
        }

        if (deleteFiles)
        {
            foreach (var tag in from.SelectMany(p => p.Tags).Select(PublicTags.Slug).Distinct())
            {
                await index.DeleteTagIfEmptyAsync(Day, tag);
            }

            await site.DeleteEntryFilesAsync(id);
            await placements.DeleteAsync(Day, id);
        }
    }

    /// <summary>Puts the entry into its hour, its tags (taking it out of tags it no longer has) and the recent entries.</summary>
    private async Task<SiteChange> PlaceAsync(TimelineEntry published, int hour, EntryPlacement? before)
    {
        var hourUpdate = index.UpdateHourAsync(Day, hour, h => h.Upsert(published));
        var kept = published.Tags.Select(tag => (tag, update: index.UpdateTagHourAsync(Day, PublicTags.Slug(tag), hour, h => h.Upsert(published))));
        var dropped = (before?.Tags ?? [])
            .Where(old => published.Tags.All(t => PublicTags.Slug(t) != PublicTags.Slug(old)))
            .Select(tag => (tag, update: index.UpdateTagHourAsync(Day, PublicTags.Slug(tag), before!.Hour, h => h.Remove(published.Id))));
        var tagUpdates = kept.Concat(dropped).Select(async t => TagChange(t.tag, await t.update)).ToList();
        // The log names the hour the feeds read the entry from: it is appended once the hour holds it.
        var hourUpdated = await hourUpdate;
        var recentLength = await recent.AppendAsync(RecentRecord.Published(published, hour));
        return new SiteChange(hourUpdated.After, published, Published: true, await Task.WhenAll(tagUpdates), recentLength, hourUpdated.Before);
    }

    private static (EntryTag Tag, HourIndex Index, HourIndex? Before) TagChange(EntryTag tag, IndexUpdate<HourIndex> update) => (tag, update.After, update.Before);

    private async Task<bool> IsErasedAsync(string id) => (await entries.FindAsync(id))?.State.IsErased() == true;

    private async Task CopyRenditionsToSiteAsync(Entry entry)
    {
        var renditions = blobs.GetBlobContainerClient(StorageLayout.Renditions);
        var media = blobs.GetBlobContainerClient(StorageLayout.Site);
        await Task.WhenAll(entry.Photos.SelectMany(p => p.Renditions).Select(async rendition =>
        {
            var target = media.GetBlobClient(StorageLayout.PublicMedia(rendition.BlobName));
            if (!await target.ExistsAsync()) // published before (an edit): the same bytes are already there
            {
                var content = (await renditions.GetBlobClient(rendition.BlobName).DownloadContentAsync()).Value.Content;
                await target.CreateOnceAsync(content, BlobWrites.Headers(rendition.ContentType, SiteContent.ImmutableCaching));
            }
        }));
    }

    /// <summary>
    /// Where <paramref name="entry"/> stands on the day's timeline: the first of its moment and the
    /// sender's time that falls on the day; when neither does (a photo from another year, no time
    /// given), when it was sent.
    /// </summary>
    public static DateTimeOffset PlacedAt(Entry entry, SolidayOptions day) =>
        new[] { entry.MomentAt, entry.GivenMomentAt }.FirstOrDefault(t => t is { } at && day.DateOf(at) == day.Day) ?? entry.SentAt;

    private TimelineEntry ToTimelineEntry(Entry entry, DateTimeOffset publishedAt, DateTimeOffset? changedAt) => new()
    {
        Id = entry.Id,
        Text = entry.Text,
        Credit = entry.Credit,
        Licence = entry.Licence,
        MomentAt = entry.MomentAt,
        PlacedAt = PlacedAt(entry, soliday.Value),
        GivenAt = entry.GivenMomentAt,
        PublishedAt = publishedAt,
        ChangedAt = changedAt,
        SourceUrl = entry.SourcePost?.Url,
        Source = entry.Source,
        Photos = entry.Photos.Select(p => new TimelinePhoto(
            p.Alt,
            p.Facts?.Width ?? 0,
            p.Facts?.Height ?? 0,
            p.Renditions.Select(r => new TimelineImage(StorageLayout.PublicMedia(r.BlobName), r.Format, r.Width, r.Height)).ToList())).ToList(),
        Tags = PublicTags.Of(entry.Tags),
        Place = entry.Place,
        Featured = entry.Featured,
    };
}
