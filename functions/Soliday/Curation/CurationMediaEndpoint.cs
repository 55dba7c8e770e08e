using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>Streams a rendition that is not public yet, for the curator's eyes only.</summary>
public sealed class CurationMediaEndpoint(CuratorAuthenticator authenticator, BlobServiceClient blobs)
{
    public async Task<IResult> Media(HttpRequest request, string id, string file)
    {
        if (await authenticator.AuthenticateAsync(request) is null)
        {
            return new CuratorsOnly();
        }

        if (!SubmissionId.IsValid(id) || file.Contains('/') || file.Contains(".."))
        {
            return Problems.NotFound("There is no such image.");
        }

        try
        {
            var blob = blobs.GetBlobContainerClient(StorageLayout.Renditions).GetBlobClient($"{id}/{file}");
            var download = await blob.DownloadStreamingAsync(cancellationToken: request.HttpContext.RequestAborted);
            request.HttpContext.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Stream(download.Value.Content, download.Value.Details.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.NotFound("There is no such image.");
        }
    }
}
