using Microsoft.AspNetCore.Http;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>
/// The preview of a photo kept from a form's last try, on the form sent back. Its address holds a
/// random 128-bit token, so only the page that was given it can show it.
/// </summary>
public sealed class KeptPhotoEndpoint(KeptPhotos keptPhotos, SiteWords words)
{
    public async Task<IResult> Preview(HttpRequest request, string id, string token)
    {
        if (await keptPhotos.PreviewAsync(id, token, request.HttpContext.RequestAborted) is not { } kept)
        {
            return Problems.Of(404, words["error.notFound.problemTitle"], words["kept.gone"]);
        }

        // Only for the resident's own eyes, and not worth keeping: it is gone within a day.
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(kept.Content.ToMemory(), kept.ContentType);
    }
}
