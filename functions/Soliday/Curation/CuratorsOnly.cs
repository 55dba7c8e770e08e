using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// The answer to anyone who is not a curator: 401 with a <c>WWW-Authenticate</c> challenge, as
/// RFC 9110 asks, and a problem body that says how to sign in; or 429 with <c>Retry-After</c> when
/// the request's address has sent too many wrong tokens (<see cref="CuratorTokenThrottle"/>).
/// </summary>
public sealed class CuratorsOnly : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (httpContext.Features.Get<CuratorTokenThrottled>() is { } throttled)
        {
            return CuratorTokenThrottle.TooMany(httpContext, throttled.Allowance).ExecuteAsync(httpContext);
        }

        httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return Problems.Of(401, "Curators only", "Sign in as a curator: send the curator token as 'Authorization: Bearer <token>', or sign in on the curation page.").ExecuteAsync(httpContext);
    }
}
