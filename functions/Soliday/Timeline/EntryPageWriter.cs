using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Timeline;

/// <summary>
/// Entry pages (entries/{id}.html). Each links to the entries before and after it in the day, so a
/// change to one entry re-makes three pages: its own and its two neighbours'. Each page records the
/// versions of the hours it was made from: a writer whose change is already in a page stops, and
/// every write is conditional on the page being unchanged since its versions were read (see
/// <see cref="VersionedBlob"/>). Only an entry's own publish creates its page; a neighbour's page
/// is only ever rewritten, so an entry taken down cannot come back as somebody's neighbour.
/// </summary>
public sealed class EntryPageWriter(
    BlobServiceClient blobs,
    TimelineIndex index,
    PageRenderer pages,
    SiteAddress address,
    IOptions<SolidayOptions> soliday,
    IOptions<SiteOptions> site)
{
    private BlobContainerClient Site => blobs.GetBlobContainerClient(StorageLayout.Site);

    /// <summary>
    /// After <paramref name="changed"/> (an hour just changed around <paramref name="key"/>): the
    /// entry's own page if it is still published, and the pages of the entries now before and after it.
    /// </summary>
    public async Task RenderAroundAsync(HourIndex changed, TimelineEntry key, CancellationToken cancellationToken = default)
    {
        var (previous, previousHour, next, nextHour) = await new DayReader(index, soliday.Value.Day, changed).NeighboursAsync(changed.Hour, key);
        var renders = new List<Task>();
        if (changed.Find(key.Id) is not null)
        {
            renders.Add(RenderAsync(key.Id, changed.Hour, changed, mayCreate: true, cancellationToken));
        }

        if (previous is not null)
        {
            renders.Add(RenderAsync(previous.Id, previousHour, changed, mayCreate: false, cancellationToken));
        }

        if (next is not null)
        {
            renders.Add(RenderAsync(next.Id, nextHour, changed, mayCreate: false, cancellationToken));
        }

        await Task.WhenAll(renders);
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Site.DeleteBlobIfExistsAsync(SitePaths.EntryPage(id), cancellationToken: cancellationToken);

    private Task RenderAsync(string id, int hour, HourIndex changed, bool mayCreate, CancellationToken cancellationToken) =>
        Site.GetBlobClient(SitePaths.EntryPage(id)).WriteAsync(SiteContent.Html, async recorded =>
        {
            if (recorded.Includes(DayReader.VersionKey(changed.Hour), changed.Version))
            {
                return null; // made from this change or a later one already
            }

            // Read after the page's versions: never older than them. A page not made yet has no versions,
            // and a removal meanwhile skipped it (only rewriting existing pages), so its hour is read fresh
            // rather than from this change's snapshot, which may still hold that removed neighbour.
            var day = new DayReader(index, soliday.Value.Day, recorded is null ? null : changed);
            if ((await day.HourAsync(hour)).Find(id) is not { } entry)
            {
                return null; // taken off meanwhile: its own unpublish deletes the page
            }

            var (previous, _, next, _) = await day.NeighboursAsync(hour, entry);
            var html = await pages.RenderAsync<EntryPage, EntryPageView>(new EntryPageView(
                soliday.Value.Day, soliday.Value.Zone, entry, hour, previous, next, ReportUrl(id), address.EntryPage(id)));
            return new VersionedContent(BinaryData.FromString(html), day.Versions);
        }, mayCreate, cancellationToken);

    /// <summary>
    /// The configured report address (a mailto gets the entry's address as its subject), else the
    /// site's own report form for this entry, on the app's host (where the submission form is):
    /// someone in a photo without having agreed reaches a curator in one click, with or without a
    /// mail app. The form names <see cref="SiteOptions.ContactEmail"/> too, when one is set.
    /// </summary>
    private string ReportUrl(string id)
    {
        var configured = site.Value.ReportUrl.Trim();
        if (configured.Length == 0)
        {
            return new Uri(site.Value.SubmitAddress, Routes.ReportUrl(id)).AbsoluteUri;
        }

        return configured.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && !configured.Contains('?', StringComparison.Ordinal)
            ? $"{configured}?subject={Uri.EscapeDataString($"A problem with {address.EntryPage(id)}")}"
            : configured;
    }
}
