using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;
using Soliday.Pages;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>Renders the static site into the <c>$web</c> container from the hour indexes.</summary>
public sealed class SiteWriter(
    BlobServiceClient blobs,
    TimelineIndex index,
    PageRenderer pages,
    IOptions<SolidayOptions> soliday,
    IOptions<SiteOptions> siteOptions)
{
    public const string DayPageName = "index.html";
    public const string AboutPageName = "about.html";

    /// <summary>Pages change whenever an entry is published: browsers must ask again each time.</summary>
    private const string RevalidateCaching = "no-cache";

    private BlobContainerClient Site => blobs.GetBlobContainerClient(StorageLayout.Site);

    /// <summary>
    /// Makes sure the day page includes <paramref name="change"/> (or simply re-renders it). The
    /// page records, in its metadata, the version of each hour it was rendered from: when another
    /// publisher has already rendered from a version at least as new, there is nothing to do, so a
    /// hundred publishes at once cost a handful of renders, not a hundred. Otherwise the indexes
    /// are read after the page's ETag and the write is conditional on it: of two concurrent renders,
    /// the one that wins read the indexes after the other's write, so nothing finished is ever lost.
    /// </summary>
    public async Task RenderDayAsync(DateOnly day, HourVersion? change = null, CancellationToken cancellationToken = default)
    {
        await PublishAssetsAsync(cancellationToken);
        var page = Site.GetBlobClient(DayPageName);
        await OptimisticConcurrency.RetryAsync("Rendering the day page", async () =>
        {
            var current = await PropertiesAsync(page, cancellationToken);
            if (change is not null && current is not null && RenderedVersion(current, change.Hour) >= change.Version)
            {
                return (true, true); // a render after our change already includes it
            }

            var hours = await index.ReadDayAsync(day, cancellationToken);
            var html = await pages.RenderAsync<DayPage, DayView>(new DayView(day, soliday.Value.Zone, hours, siteOptions.Value.SubmitUrl));
            var written = await page.ReplaceIfUnchangedAsync(
                BinaryData.FromString(html),
                BlobWrites.Headers(PageRenderer.HtmlContentType, RevalidateCaching),
                current?.ETag,
                cancellationToken,
                metadata: hours.ToDictionary(h => VersionKey(h.Hour), h => h.Version.ToString(CultureInfo.InvariantCulture)));
            return (written, true);
        }, cancellationToken);
    }

    private static string VersionKey(int hour) => $"h{hour:00}";

    private static long RenderedVersion(BlobProperties page, int hour) =>
        page.Metadata.TryGetValue(VersionKey(hour), out var version) && long.TryParse(version, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;

    /// <summary>
    /// At start: the pages that change only with a new version (about and terms), and the day page if
    /// there is none yet, so the site answers before the first approval.
    /// </summary>
    public async Task PublishStartingPagesAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var about = await pages.RenderAsync<AboutPage, AboutView>(new AboutView(day, siteOptions.Value));
        await Site.GetBlobClient(AboutPageName).UploadAsync(BinaryData.FromString(about), new BlobUploadOptions
        {
            HttpHeaders = BlobWrites.Headers(PageRenderer.HtmlContentType, RevalidateCaching),
        }, cancellationToken);

        if (await PropertiesAsync(Site.GetBlobClient(DayPageName), cancellationToken) is null)
        {
            await RenderDayAsync(day, cancellationToken: cancellationToken);
        }
    }

    /// <summary>Uploads the stylesheet when it is missing or differs from the one built into this version.</summary>
    private async Task PublishAssetsAsync(CancellationToken cancellationToken)
    {
        foreach (var asset in SiteAssets.All)
        {
            var blob = Site.GetBlobClient(asset.Name);
            var existing = (await PropertiesAsync(blob, cancellationToken))?.ContentHash;
            if (existing is null || !existing.AsSpan().SequenceEqual(asset.Md5))
            {
                await blob.UploadAsync(asset.Content, new BlobUploadOptions
                {
                    HttpHeaders = BlobWrites.Headers(asset.ContentType, RevalidateCaching),
                }, cancellationToken);
            }
        }
    }

    private static async Task<BlobProperties?> PropertiesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
