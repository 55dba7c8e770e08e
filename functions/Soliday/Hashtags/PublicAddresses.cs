using System.Net;
using System.Net.Sockets;

namespace Soliday.Hashtags;

/// <summary>
/// Which IP addresses and ports Soliday may connect to when it fetches something a post names:
/// public unicast addresses only, on HTTPS's port. Loopback, private (RFC 1918, IPv6 unique local),
/// link-local (where cloud metadata services answer: 169.254.169.254, fd00:ec2::254 is unique
/// local), Azure's platform address (168.63.129.16, the "wireserver" every Azure VM and sandbox can
/// reach), shared (carrier NAT; Alibaba's metadata at 100.100.100.200), multicast, reserved and
/// unspecified addresses are never reached, nor IPv6 forms that embed an IPv4 address (mapped,
/// compatible, NAT64, 6to4), so a post cannot make Soliday read its own network.
/// </summary>
public static class PublicAddresses
{
    /// <summary>The port a photo or a Mastodon server is fetched from in production: HTTPS's own.</summary>
    public const int HttpsPort = 443;

    /// <summary>Plain HTTP's port: only with <see cref="HashtagOptions.AllowLoopbackMedia"/>, for tests.</summary>
    public const int HttpPort = 80;

    private static readonly (IPAddress Network, int Prefix)[] NotPublicV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),         // "this network"
        (IPAddress.Parse("10.0.0.0"), 8),        // private
        (IPAddress.Parse("100.64.0.0"), 10),     // shared address space (carrier NAT)
        (IPAddress.Parse("127.0.0.0"), 8),       // loopback
        (IPAddress.Parse("168.63.129.16"), 32),  // Azure's wireserver: DHCP, DNS, health probes and the VM agent's channel
        (IPAddress.Parse("169.254.0.0"), 16),    // link-local: cloud metadata services
        (IPAddress.Parse("172.16.0.0"), 12),     // private
        (IPAddress.Parse("192.0.0.0"), 24),      // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24),      // documentation
        (IPAddress.Parse("192.88.99.0"), 24),    // 6to4 relay
        (IPAddress.Parse("192.168.0.0"), 16),    // private
        (IPAddress.Parse("198.18.0.0"), 15),     // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),   // documentation
        (IPAddress.Parse("203.0.113.0"), 24),    // documentation
        (IPAddress.Parse("224.0.0.0"), 3),       // multicast, reserved, broadcast
    ];

    private static readonly (IPAddress Network, int Prefix)[] NotPublicV6 =
    [
        (IPAddress.Parse("::"), 96),             // unspecified, loopback, IPv4-compatible
        (IPAddress.Parse("::ffff:0:0:0"), 96),   // IPv4-translated (SIIT): embeds any IPv4 address
        (IPAddress.Parse("64:ff9b::"), 96),      // NAT64: would reach any IPv4 address, private ones too
        (IPAddress.Parse("64:ff9b:1::"), 48),    // local-use NAT64
        (IPAddress.Parse("100::"), 64),          // discard
        (IPAddress.Parse("2001::"), 23),         // IETF protocol assignments (Teredo among them)
        (IPAddress.Parse("2001:db8::"), 32),     // documentation
        (IPAddress.Parse("2002::"), 16),         // 6to4: embeds any IPv4 address
        (IPAddress.Parse("fc00::"), 7),          // unique local (private)
        (IPAddress.Parse("fe80::"), 10),         // link-local
        (IPAddress.Parse("fec0::"), 10),         // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8),          // multicast
    ];

    /// <summary>
    /// True for an address and port Soliday may connect to: a public address (<see cref="IsPermitted(IPAddress, bool)"/>)
    /// on port 443. <paramref name="allowLoopback"/> (tests) admits port 80 too, and any port of a
    /// loopback address, where a fake server listens on whatever port the system gave it. Any other
    /// port is refused: a web server's photos are on 443, while other ports of a public host are
    /// where its databases, admin consoles and mail servers answer.
    /// </summary>
    public static bool IsPermitted(IPEndPoint endpoint, bool allowLoopback) =>
        IsPermitted(endpoint.Address, allowLoopback) && IsPermittedPort(endpoint, allowLoopback);

    /// <summary>
    /// True for an address Soliday may connect to. <paramref name="allowLoopback"/> admits loopback
    /// as well (<see cref="HashtagOptions.AllowLoopbackMedia"/>, for tests), never anything else.
    /// </summary>
    public static bool IsPermitted(IPAddress address, bool allowLoopback)
    {
        address = Unmapped(address); // ::ffff:127.0.0.1 is 127.0.0.1

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        var ranges = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => NotPublicV4,
            AddressFamily.InterNetworkV6 => NotPublicV6,
            _ => null,
        };
        return ranges is not null && !ranges.Any(range => InRange(address, range.Network, range.Prefix));
    }

    private static bool IsPermittedPort(IPEndPoint endpoint, bool allowLoopback) =>
        endpoint.Port == HttpsPort
        || (allowLoopback && (endpoint.Port == HttpPort || IPAddress.IsLoopback(Unmapped(endpoint.Address))));

    private static IPAddress Unmapped(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(Unmapped(address)));

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        if (a.Length != n.Length)
        {
            return false;
        }

        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }

        var bits = prefix % 8;
        return bits == 0 || (a[whole] >> (8 - bits)) == (n[whole] >> (8 - bits));
    }
}
