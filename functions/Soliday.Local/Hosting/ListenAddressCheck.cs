using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Soliday.Local.Hosting;

/// <summary>
/// Checks that the addresses the app will listen on are free before Azurite and the engine start.
/// Kestrel would find out too, but only after the durable worker had started; stopping it half
/// started, the framework logs a crash, and the volunteer waited for Azurite for nothing.
/// </summary>
internal static class ListenAddressCheck
{
    public static void EnsureFree(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ExplicitEndpoint(url) is not { } endpoint)
            {
                continue; // a host name or port 0: Kestrel's to resolve, and to report
            }

            using var probe = new TcpListener(endpoint);

            // As Kestrel binds: connections of an earlier run still closing do not hold the port.
            probe.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            try
            {
                probe.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new IOException($"Failed to bind to address {url}: address already in use.", new AddressInUseException(e.Message, e));
            }
            finally
            {
                probe.Stop();
            }
        }
    }

    private static IPEndPoint? ExplicitEndpoint(string url)
    {
        var wildcard = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        if (uri.HostNameType == UriHostNameType.Dns)
        {
            return uri.IsLoopback ? new IPEndPoint(IPAddress.Loopback, uri.Port) : null;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? new IPEndPoint(address, uri.Port) : null;
    }
}
