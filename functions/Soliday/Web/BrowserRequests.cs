using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Soliday.Web;

public static class BrowserRequests
{
    /// <summary>
    /// Browsers say where a post comes from (<c>Origin</c>, <c>Sec-Fetch-Site</c>); other clients do
    /// not. Only a browser can be made to post by another site, so only a browser's posts must carry
    /// our form token: the API stays open to clients that never loaded a form.
    /// </summary>
    public static bool IsFromBrowser(this HttpRequest request) =>
        request.Headers.ContainsKey(HeaderNames.Origin) || request.Headers.ContainsKey("Sec-Fetch-Site");
}
