using System.Net;
using Microsoft.AspNetCore.Http;

namespace Soliday.Web;

/// <summary>Where a request came from, for rate limits: never stored as such, only as a keyed hash.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The last address in <paramref name="header"/> (the one the trusted proxy in front appended;
    /// anything before it the client could have written), else the connection's address. With no
    /// header configured, forwarded headers are ignored: with no proxy in front, they are the client's.
    /// </summary>
    public static string Of(HttpRequest request, string? header)
    {
        if (!string.IsNullOrEmpty(header) && request.Headers[header].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',').Last().Trim();
            if (IPEndPoint.TryParse(last, out var endpoint))
            {
                return endpoint.Address.ToString(); // Azure's front end may add ":port"
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}
