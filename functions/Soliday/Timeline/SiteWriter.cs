using Azure;
using Azure.Storage.Blobs;
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

    /// <summary>Pages change whenever an entry is published: browsers must ask again each time.</summary>
    private const string RevalidateCaching = "no-cache";

    private BlobContainerClient Site => blobs.GetBlobContainerClient(StorageLayout.Site);

    /// <summary>
    /// Re-renders the day page. The page's ETag is read before the indexes and the write is
    /// conditional on it: of two concurrent renders, the one that wins read the indexes after the
    /// other's write, so the page that stays includes every entry whose publish has finished.
    /// </summary>
    public async Task RenderDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await PublishAssetsAsync(cancellationToken);
        var page = Site.GetBlobClient(DayPageName);
        while (true)
        {
            var etag = await ReadETagAsync(page, cancellationToken);
            var hours = await index.ReadDayAsync(day, cancellationToken);
            var html = await pages.RenderAsync<DayPage, DayView>(new DayView(day, soliday.Value.Zone, hours, siteOptions.Value.SubmitUrl));
            if (await page.ReplaceIfUnchangedAsync(BinaryData.FromString(html), BlobWrites.Headers(PageRenderer.HtmlContentType, RevalidateCaching), etag, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>Uploads the stylesheet when it is missing or differs from the one built into this version.</summary>
    private async Task PublishAssetsAsync(CancellationToken cancellationToken)
    {
        foreach (var asset in SiteAssets.All)
        {
            var blob = Site.GetBlobClient(asset.Name);
            var existing = await ReadContentHashAsync(blob, cancellationToken);
            if (existing is null || !existing.AsSpan().SequenceEqual(asset.Md5))
            {
                await blob.UploadAsync(asset.Content, new Azure.Storage.Blobs.Models.BlobUploadOptions
                {
                    HttpHeaders = BlobWrites.Headers(asset.ContentType, RevalidateCaching),
                }, cancellationToken);
            }
        }
    }

    private static async Task<ETag?> ReadETagAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static async Task<byte[]?> ReadContentHashAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentHash;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
