using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Soliday.Web;

public static class ContentNegotiation
{
    /// <summary>
    /// True when the caller is a browser asking for a page. API clients, and callers that state no
    /// preference, get JSON: that is the documented contract.
    /// </summary>
    public static bool PrefersHtml(this HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string mediaType) => accept
            .Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1.0)
            .DefaultIfEmpty(0)
            .Max();

        var html = Quality("text/html");
        return html > 0 && html >= Quality("application/json");
    }
}

/// <summary><c>303 See Other</c>: after a form POST, the browser GETs the status page.</summary>
public sealed class SeeOtherResult(string location) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers[HeaderNames.Location] = location;
        return Task.CompletedTask;
    }
}
