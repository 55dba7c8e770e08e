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
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

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
