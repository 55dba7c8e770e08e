using System.Net;
using System.Net.Sockets;

namespace Soliday.Hashtags;

/// <summary>Soliday would not make this connection (see <see cref="PublicAddresses"/>).</summary>
public abstract class RefusedConnectionException(string host, string message) : IOException(message)
{
    public string Host { get; } = host;
}

/// <summary>Soliday would not connect to this address: it is not a public one.</summary>
public sealed class RefusedAddressException(string host, IEnumerable<IPAddress> addresses)
    : RefusedConnectionException(host, $"{host} is at {string.Join(", ", addresses)}: not a public address, so it is not fetched.");

/// <summary>Soliday would not connect to this port: only HTTPS's port 443 is fetched.</summary>
public sealed class RefusedPortException(string host, int port)
    : RefusedConnectionException(host, $"{host} was asked for on port {port}: only port {PublicAddresses.HttpsPort} (HTTPS) is fetched.")
{
    public int Port { get; } = port;
}

/// <summary>
/// The one way Soliday's outgoing HTTP connects (<see cref="SocketsHttpHandler.ConnectCallback"/>):
/// it resolves the name itself, refuses unless every address is public and the port is HTTPS's (see
/// <see cref="PublicAddresses"/>), connects to those addresses and checks the address it actually
/// reached. Checking a URL's host name before the request is not enough: DNS can answer differently
/// a moment later (rebinding), and a redirect names a new host; checking at connection time covers both.
/// </summary>
public static class GuardedConnections
{
    private static readonly HttpRequestOptionsKey<bool> LoopbackAllowed = new("Soliday.LoopbackAllowed");

    /// <summary>Marks a request as one that may reach loopback (only with <see cref="HashtagOptions.AllowLoopbackMedia"/>, and never for a redirect).</summary>
    public static void AllowLoopback(HttpRequestMessage request, bool allowed) => request.Options.Set(LoopbackAllowed, allowed);

    /// <summary>The handler every hashtag HTTP client uses: guarded connections, no proxy, no redirects, no decompression.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        ConnectTimeout = TimeSpan.FromSeconds(10),

        // A proxy would make the connection for us, to an address we never see.
        UseProxy = false,

        // Redirects are followed by the caller, hop by hop, so each is checked (MediaDownloader).
        AllowAutoRedirect = false,

        // Bytes are counted as they arrive: a compressed bomb would be counted small and written large.
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var allowLoopback = context.InitialRequestMessage.Options.TryGetValue(LoopbackAllowed, out var allowed) && allowed;
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);

        // Every address, not just one: a name that answers with a public and a private address is
        // a trick, never a real photo host.
        if (addresses.Length == 0 || !addresses.All(a => PublicAddresses.IsPermitted(a, allowLoopback)))
        {
            throw new RefusedAddressException(host, addresses);
        }

        // After the addresses, so a private address is named as such whatever port it was asked on.
        var port = context.DnsEndPoint.Port;
        if (!addresses.All(a => PublicAddresses.IsPermitted(new IPEndPoint(a, port), allowLoopback)))
        {
            throw new RefusedPortException(host, port);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            if (socket.RemoteEndPoint is not IPEndPoint connected || !PublicAddresses.IsPermitted(connected, allowLoopback))
            {
                throw new RefusedAddressException(host, [((IPEndPoint?)socket.RemoteEndPoint)?.Address ?? IPAddress.None]);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The refusal inside whatever the HTTP stack wrapped it in, if that is why a request failed.</summary>
    public static RefusedConnectionException? RefusalIn(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is RefusedConnectionException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
