using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>
/// Brings the static site in the <c>$web</c> container up to date after a change to one entry,
/// touching only what depends on it: its page and its neighbours' (prev/next), its hour's page,
/// its hour's part of the day page and of every open data file, its hour's search file, its hour's numbers (numbers.html), its tags' pages, the feeds. Every
/// write checks the versions it was made from, so concurrent publishers coalesce and none writes
/// an older state over a newer one.
/// </summary>
public sealed class SiteWriter(
    BlobServiceClient blobs,
    TimelineIndex index,
    RecentLog recent,
    TimelineFiles files,
    HourlyFileWriter hourly,
    EntryPageWriter entryPages,
    SearchIndexWriter search,
    NumbersPageWriter numbers,
    PageRenderer pages,
    FragmentCache fragments,
    IOptions<SolidayOptions> soliday,
    IOptions<SiteOptions> site)
{
    /// <summary>How much of the recent log a feed was made from.</summary>
    private const string RecentVersionKey = "recent";

    private BlobContainerClient Site => blobs.GetBlobContainerClient(StorageLayout.Site);

    private DateOnly Day => soliday.Value.Day;

    public async Task ApplyAsync(SiteChange change, CancellationToken cancellationToken = default)
    {
        var work = new List<Task>
        {
            RenderHourPagesAsync(change.HourBefore, change.Hour, change.Entry.Id, cancellationToken),
            entryPages.RenderAroundAsync(change.Hour, change.Entry, cancellationToken),
            hourly.UpdateAsync(files.DayPage, change.Hour, ReadHour, cancellationToken),
            search.WriteAsync(change.Hour, cancellationToken),
            numbers.UpdateAsync(change.Hour, ReadHour, cancellationToken),
        };
        work.AddRange(files.OpenData.Select(file => hourly.UpdateAsync(file, change.Hour, ReadHour, cancellationToken)));
        work.AddRange(change.Tags.Select(t =>
            hourly.UpdateAsync(files.TagPage(t.Tag), t.Index, hour => ReadTagHourWithItsPagesAsync(t.Tag, hour, cancellationToken), cancellationToken)));
        work.AddRange(change.Tags.Select(t => RenderTagHourPagesAsync(t.Tag, t.Before, t.Index, change.Entry.Id, cancellationToken)));
        work.Add(RenderFeedsAsync(change.RecentLength, cancellationToken));

        if (change.Published && change.Entry.Photos.Count > 0)
        {
            work.Add(WriteAsync(SitePaths.IiifManifest(change.Entry.Id), files.Manifests.Write(change.Entry), SiteContent.Changing(SiteContent.Iiif), cancellationToken));
        }

        await Task.WhenAll(work);
    }

    /// <summary>The files that are the entry's alone; called once it is out of every index and page.</summary>
    public async Task DeleteEntryFilesAsync(string id, CancellationToken cancellationToken = default)
    {
        await entryPages.DeleteAsync(id, cancellationToken);
        await Site.DeleteBlobIfExistsAsync(SitePaths.IiifManifest(id), cancellationToken: cancellationToken);
        await blobs.DeleteAsync(StorageLayout.Site, StorageLayout.PublicMediaFolder(id), cancellationToken);
    }

    /// <summary>
    /// At start: the stylesheet and scripts, the about, poster, reuse and search pages, and any file of the day that does not
    /// exist yet (a new storage account, or a new layout after an upgrade), so the site answers
    /// before the first approval. Files already there are only checked, not re-made.
    /// </summary>
    public async Task PublishStartingPagesAsync(CancellationToken cancellationToken = default)
    {
        await PublishAssetsAsync(cancellationToken);
        var about = await pages.RenderAsync<AboutPage, AboutView>(new AboutView(Day, site.Value));
        await WriteAsync(SitePaths.AboutPage, about, SiteContent.Html, cancellationToken);
        var poster = await pages.RenderAsync<PosterPage, PosterView>(new PosterView(Day, site.Value));
        await WriteAsync(SitePaths.PosterPage, poster, SiteContent.Html, cancellationToken);
        var reuse = await pages.RenderAsync<ReusePage, ReuseView>(new ReuseView(Day));
        await WriteAsync(SitePaths.ReusePage, reuse, SiteContent.Html, cancellationToken);
        var searchPage = await pages.RenderAsync<SearchPage, SearchView>(new SearchView(Day));
        await WriteAsync(SitePaths.SearchPage, searchPage, SiteContent.Html, cancellationToken);

        var firstHour = await ReadHour(0);
        var work = new List<Task>
        {
            hourly.UpdateAsync(files.DayPage, firstHour, ReadHour, cancellationToken),
            RenderFeedsAsync(0, cancellationToken),
            numbers.UpdateAsync(firstHour, ReadHour, cancellationToken),
        };
        work.AddRange(files.OpenData.Select(file => hourly.UpdateAsync(file, firstHour, ReadHour, cancellationToken)));
        await Task.WhenAll(work);
        for (var hour = 0; hour < HourMarkers.Hours; hour++)
        {
            // Every page of the hour, each only if it was not made from this version in this layout.
            var read = await ReadHour(hour);
            await RenderHourPagesAsync(before: null, read, changedId: null, cancellationToken);
            await search.WriteAsync(read, cancellationToken);
        }
    }

    private Task<HourIndex> ReadHour(int hour) => index.ReadHourAsync(Day, hour);

    /// <summary>
    /// The pages of the hour's grid that <paramref name="changedId"/>'s change made different
    /// (<see cref="HourPaging.ChangedPages"/>): a publish at the end of a busy hour rewrites its last
    /// page, not the hour. A page past the hour's end now is rewritten empty, not deleted, so a
    /// writer with an older snapshot cannot bring back what it held (its version says it is newer).
    /// </summary>
    private Task RenderHourPagesAsync(HourIndex? before, HourIndex hour, string? changedId, CancellationToken cancellationToken) =>
        Task.WhenAll(HourPaging.ChangedPages(before, hour, changedId).Select(page => RenderHourPageAsync(hour, page, cancellationToken)));

    /// <summary>
    /// The pages of a tag's entries in one hour (tags/market.12.html, …), which its tag page links to
    /// once the hour has more than the page shows (<see cref="TagHourView.PreviewsPerHour"/>): of
    /// those, the ones the change made different, as for an hour's pages. Only a tag-hour with more
    /// than that makes new pages; a page it no longer needs (entries taken off) is rewritten
    /// empty if it is there, so nothing of an erased entry stays on one.
    /// </summary>
    private Task RenderTagHourPagesAsync(EntryTag tag, HourIndex? before, HourIndex hour, string? changedId, CancellationToken cancellationToken)
    {
        var pageTag = new PageTag(PublicTags.Slug(tag), PublicTags.Label(tag));
        var listed = hour.Entries.Count > TagHourView.PreviewsPerHour;
        var needed = listed ? HourPaging.PageCount(hour.Entries.Count) : 0;
        var changed = HourPaging.ChangedPages(before, hour, changedId).Append(needed + 1).Distinct();
        return Task.WhenAll(changed.Select(page =>
            RenderHourPageAsync(hour, page, cancellationToken, pageTag, mayCreate: page <= needed)));
    }

    /// <summary>
    /// Reads a tag-hour for its tag page, which reads an hour only when it has no record of it: the
    /// page is new, or made whole in a new layout after an upgrade. The page's "All 84 from 12:00"
    /// link must then lead somewhere at once, so that hour's own pages are made too (each only if
    /// not already made from this version), not left to the next publish into that hour.
    /// </summary>
    private async Task<HourIndex> ReadTagHourWithItsPagesAsync(EntryTag tag, int hour, CancellationToken cancellationToken)
    {
        var read = await index.ReadTagHourAsync(Day, PublicTags.Slug(tag), hour, cancellationToken);
        if (read.Entries.Count > TagHourView.PreviewsPerHour)
        {
            await RenderTagHourPagesAsync(tag, before: null, read, changedId: null, cancellationToken);
        }

        return read;
    }

    private Task RenderHourPageAsync(HourIndex hour, int page, CancellationToken cancellationToken, PageTag? tag = null, bool mayCreate = true) =>
        Site.GetBlobClient(tag is null ? SitePaths.HourPage(hour.Hour, page) : SitePaths.TagHourPage(tag.Slug, hour.Hour, page)).WriteAsync(SiteContent.Html, async recorded =>
        {
            var key = HourPageVersionKey(hour.Hour);
            if (recorded.Includes(key, hour.Version))
            {
                return null;
            }

            var zone = soliday.Value.Zone;
            var tiles = await Task.WhenAll(HourPaging.Page(hour, page).Select((entry, i) =>
            {
                var eager = page == 1 && i < HourPageView.EagerTiles;
                return fragments.GetAsync(eager ? "hour-tile-eager" : "hour-tile", entry,
                    () => pages.RenderPartAsync<HourTile, HourTileView>(new HourTileView(Day, zone, entry, eager)));
            }));
            var hasNext = page < HourPaging.PageCount(hour.Entries.Count);
            var html = await pages.RenderAsync<HourPage, HourPageView>(new HourPageView(Day, hour.Hour, page, tiles, hasNext, tag));
            return new VersionedContent(BinaryData.FromString(html), new Dictionary<string, long> { [key] = hour.Version });
        }, mayCreate, cancellationToken);

    /// <summary>
    /// The hour's version an hour page records, named by the pages' layout ("g" for the paged grid):
    /// a page of an older layout records no such key, so the start makes it again.
    /// </summary>
    private static string HourPageVersionKey(int hour) => $"g{DayReader.VersionKey(hour)}";

    /// <summary>
    /// Both feeds and the wall (which starts with the latest entries written in, for screens with
    /// scripts off), made from one read of the log's tail and the hours it names (each feed reading
    /// its own doubled the reads).
    /// </summary>
    private Task RenderFeedsAsync(long includingLength, CancellationToken cancellationToken)
    {
        var latest = new Lazy<Task<RecentIndex>>(() => recent.ReadAsync(OpenData.Feeds.Shown, cancellationToken));
        return Task.WhenAll(
            RenderFeedAsync(SitePaths.AtomFeed, SiteContent.Atom, includingLength, latest, files.Feeds.AtomAsync, cancellationToken),
            RenderFeedAsync(SitePaths.JsonFeed, SiteContent.JsonFeed, includingLength, latest, files.Feeds.JsonFeedAsync, cancellationToken),
            RenderFeedAsync(SitePaths.WallPage, PageRenderer.HtmlContentType, includingLength, latest,
                tail => pages.RenderAsync<WallPage, WallView>(new WallView(Day, tail.Entries, site.Value)), cancellationToken));
    }

    /// <summary>
    /// A feed from the log's tail, unless one made from at least <paramref name="includingLength"/> of
    /// the log is there. The tail is read once the first feed's version is known, so it is never older
    /// than that one; the other feed may have been written from a later read meanwhile, and then keeps it.
    /// </summary>
    private Task RenderFeedAsync(string path, string contentType, long includingLength, Lazy<Task<RecentIndex>> tail, Func<RecentIndex, Task<string>> render, CancellationToken cancellationToken) =>
        Site.GetBlobClient(path).WriteAsync(SiteContent.Changing(contentType), async recorded =>
        {
            if (recorded.Includes(RecentVersionKey, includingLength))
            {
                return null;
            }

            var latest = await tail.Value;
            if (recorded.Includes(RecentVersionKey, latest.Version))
            {
                return null; // made from this read of the log or a later one already
            }

            return new VersionedContent(BinaryData.FromString(await render(latest)), new Dictionary<string, long> { [RecentVersionKey] = latest.Version });
        }, cancellationToken: cancellationToken);

    private Task WriteAsync(string path, string content, BlobHttpHeaders headers, CancellationToken cancellationToken) =>
        Site.GetBlobClient(path).UploadAsync(BinaryData.FromString(content), new BlobUploadOptions { HttpHeaders = headers }, cancellationToken);

    /// <summary>Uploads the stylesheet and script when missing or different from the ones built into this version.</summary>
    private async Task PublishAssetsAsync(CancellationToken cancellationToken)
    {
        foreach (var asset in SiteAssets.Site)
        {
            var blob = Site.GetBlobClient(asset.Name);
            byte[]? existing;
            try
            {
                existing = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentHash;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                existing = null;
            }

            if (existing is null || !existing.AsSpan().SequenceEqual(asset.Md5))
            {
                await blob.UploadAsync(asset.Content, new BlobUploadOptions { HttpHeaders = SiteContent.Changing(asset.ContentType) }, cancellationToken);
            }
        }
    }
}
