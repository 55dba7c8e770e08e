using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Soliday.Pages;

/// <summary>
/// A page the API serves (form, status, errors), with the security headers a meta tag cannot give:
/// no framing (the consent form must not be clickjacked), no MIME sniffing, no referrer leaking an
/// entry's status address.
/// </summary>
public sealed class HtmlPage(string html, int statusCode = StatusCodes.Status200OK) : IResult
{
    /// <summary>
    /// The policy every page carries in its meta tag (written out in <c>PageShell.razor</c>, where Razor
    /// would entity-encode a constant's quotes; a test keeps the two the same). <c>blob:</c> is allowed for
    /// images only: the form's preview shows the chosen photo from a <c>blob:</c> URL before any upload.
    /// </summary>
    public const string MetaContentSecurityPolicy =
        "default-src 'self'; img-src 'self' blob:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

    /// <summary>The meta policy plus what only a header can say (browsers ignore frame-ancestors in a meta tag).</summary>
    public const string ContentSecurityPolicy = MetaContentSecurityPolicy + "; frame-ancestors 'none'";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers[HeaderNames.CacheControl] = "no-store"; // pages carry a resident's own entry
        return Results.Content(html, PageRenderer.HtmlContentType, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
