using Azure;
using Azure.Storage.Blobs;
using Microsoft.Net.Http.Headers;
using Soliday.Storage;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Local.Hosting;

/// <summary>
/// Serves the <c>$web</c> container under <c>/site/</c>, as the storage account's static website
/// does in Azure (Azurite has no static website endpoint).
/// </summary>
public static class SiteFiles
{
    public const string Route = LocalSiteAddress.SitePath + "{**path}";

    public static async Task<IResult> ServeAsync(string? path, BlobServiceClient blobs, HttpContext context)
    {
        var name = string.IsNullOrEmpty(path) || path.EndsWith('/') ? $"{path}{SitePaths.DayPage}" : path;
        if (name.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return Problems.NotFound("There is no such page.");
        }

        try
        {
            var blob = blobs.GetBlobContainerClient(StorageLayout.Site).GetBlobClient(name);
            var download = await blob.DownloadStreamingAsync(cancellationToken: context.RequestAborted);
            // Open data is for reuse from other sites (IIIF viewers, TimelineJS embeds): Azure's static
            // website gets the same from a CORS rule on the blob service.
            context.Response.Headers[HeaderNames.AccessControlAllowOrigin] = "*";
            if (download.Value.Details.CacheControl is { } cacheControl)
            {
                context.Response.Headers[HeaderNames.CacheControl] = cacheControl;
            }

            // A file stored gzipped (the search files) is served as stored, as the static website does.
            if (download.Value.Details.ContentEncoding is { Length: > 0 } encoding)
            {
                context.Response.Headers[HeaderNames.ContentEncoding] = encoding;
            }

            return Results.Stream(download.Value.Content, download.Value.Details.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.NotFound("There is no such page.");
        }
    }
}
