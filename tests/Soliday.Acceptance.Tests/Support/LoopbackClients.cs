using System.Net;
using System.Net.Sockets;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// Clients that connect from another loopback address (127.0.0.2, ...): to the host, a resident on
/// another connection, with no forwarded header to trust or distrust.
/// </summary>
public static class LoopbackClients
{
    public static HttpClient From(string localAddress, SolidayHost host)
    {
        var local = IPAddress.Parse(localAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = host.Http.BaseAddress };
    }
}
