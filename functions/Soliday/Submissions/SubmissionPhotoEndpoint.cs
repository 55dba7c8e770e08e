using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>
/// A small copy of an entry's photo for its status page: to its sender (with the take-down key)
/// while it waits for a curator, and to anyone once it is published (the timeline shows it anyway).
/// Only a rendition the entry's own record names is served, never a name taken as it came.
/// </summary>
public sealed class SubmissionPhotoEndpoint(LinkedEntries linked, TakedownLinks takedownLinks, BlobServiceClient blobs, SiteWords words)
{

    public async Task<IResult> Photo(HttpRequest request, string id, string file)
    {
        var entry = await linked.FindAsync(id, request);
        var rendition = entry?.Photos.SelectMany(p => p.Renditions).FirstOrDefault(r => r.BlobName == $"{id}/{file}");
        if (entry is null || rendition is null || !MayShow(entry, request))
        {
            return NoSuchPhoto();
        }

        try
        {
            var download = await blobs.GetBlobContainerClient(StorageLayout.Renditions).GetBlobClient(rendition.BlobName)
                .DownloadStreamingAsync(cancellationToken: request.HttpContext.RequestAborted);
            // Private: a sender's photo that is not published must not sit in a shared cache.
            request.HttpContext.Response.Headers.CacheControl = "private, max-age=300";
            request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Stream(download.Value.Content, rendition.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return NoSuchPhoto(); // removed since the record was read (rejected, taken down)
        }
    }

    private IResult NoSuchPhoto() => Problems.Of(404, words["error.notFound.problemTitle"], words["photo.notFound"]);

    /// <summary>The small copy status pages show of each photo: the narrowest JPEG (every browser shows one).</summary>
    public static Rendition? Thumbnail(EntryPhoto photo) =>
        photo.Renditions.Where(r => r.ContentType == ImageFormats.ContentType(ImageFormats.Jpeg)).MinBy(r => r.Width)
        ?? photo.Renditions.MinBy(r => r.Width);

    /// <summary>The address of <paramref name="rendition"/> for the status page, with the key that lets its sender see it.</summary>
    public static string UrlOf(string id, Rendition rendition, string? key)
    {
        var file = rendition.BlobName[(rendition.BlobName.LastIndexOf('/') + 1)..];
        return key is null ? Routes.SubmissionPhotoUrl(id, file) : $"{Routes.SubmissionPhotoUrl(id, file)}?{SubmissionFormFields.TakedownKey}={Uri.EscapeDataString(key)}";
    }

    /// <summary>Whether the photos can be shown: published, or waiting and asked for by their sender.</summary>
    public static bool Shows(Entry entry, bool forSender) =>
        entry.State == EntryState.Published
        || (forSender && entry.State is EntryState.Received or EntryState.Processing or EntryState.AwaitingCuration);

    private bool MayShow(Entry entry, HttpRequest request) =>
        Shows(entry, takedownLinks.IsValid(entry.Id, request.Query[SubmissionFormFields.TakedownKey].ToString()));
}
