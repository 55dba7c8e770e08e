using System.Net;
using System.Net.Sockets;

namespace Soliday.Testing;

/// <summary>
/// Free loopback ports for servers the tests start, chosen below the range the system hands out
/// for outgoing connections. A port asked of the system (port 0) comes from that range too, and
/// between choosing it and the server binding it, any HTTP client's connection may take it as its
/// own end: a host then failed to start with "address already in use".
/// </summary>
public static class LoopbackPorts
{
    private const int Lowest = 10_000;
    private static readonly object Gate = new();
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>Distinct ports, each free as it is chosen and never handed out twice by this process.</summary>
    public static int[] Free(int count)
    {
        var highest = FirstEphemeralPort() - 1;
        var chosen = new List<int>(count);
        lock (Gate)
        {
            while (chosen.Count < count)
            {
                var port = Random.Shared.Next(Lowest, highest + 1);
                if (!HandedOut.Contains(port) && IsFree(port))
                {
                    HandedOut.Add(port);
                    chosen.Add(port);
                }
            }
        }

        return [.. chosen];
    }

    private static bool IsFree(int port)
    {
        var probe = new TcpListener(IPAddress.Loopback, port);
        try
        {
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            probe.Stop();
        }
    }

    /// <summary>Linux's lower bound for outgoing connections' ports (32768 unless set otherwise).</summary>
    private static int FirstEphemeralPort()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        var first = File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var low) ? low : 32_768;
        return Math.Max(first, Lowest + 1_000);
    }
}
