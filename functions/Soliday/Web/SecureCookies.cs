using System.Net;
using Microsoft.AspNetCore.Http;

namespace Soliday.Web;

public static class SecureCookies
{
    /// <summary>
    /// Whether a cookie is marked <c>Secure</c>: always, except for a loopback host. The worker cannot
    /// trust its own view of the scheme (behind the Functions host it may see http although the
    /// resident used https), so plain http is no reason to drop the flag; only a developer's own
    /// machine is, where the site runs on http and a Secure cookie would never come back.
    /// </summary>
    public static bool Required(HttpRequest request) => !IsLoopback(request.Host.Host);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
