using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Soliday.Web;

/// <summary>Where a request came from, for rate limits: never stored as such, only as a keyed hash.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv6 network's length in bits that one subscriber holds: ISPs hand each home a /64 (or
    /// more), and every address in it is that one home's for the asking. Counting per address would
    /// give anyone 2^64 fresh allowances.
    /// </summary>
    private const int SubscriberPrefixBits = 64;

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

    /// <summary>
    /// What a limit counts <paramref name="address"/> as: an IPv4 address as itself (also when it
    /// comes IPv4-mapped, as a dual-stack listener reports it), an IPv6 address as its /64.
    /// Anything that is not an address is its own bucket.
    /// </summary>
    public static string BucketOf(string address)
    {
        if (!IPAddress.TryParse(address, out var parsed))
        {
            return address;
        }

        if (parsed.IsIPv4MappedToIPv6)
        {
            return parsed.MapToIPv4().ToString();
        }

        if (parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return parsed.ToString();
        }

        var bytes = parsed.GetAddressBytes();
        bytes.AsSpan(SubscriberPrefixBits / 8).Clear();
        return $"{new IPAddress(bytes)}/{SubscriberPrefixBits}"; // the scope id is dropped with the rest
    }
}
