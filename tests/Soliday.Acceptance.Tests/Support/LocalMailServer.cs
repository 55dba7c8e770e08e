using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer library), started by a test: Soliday's
/// MailKit client talks SMTP to it exactly as to a mail provider, and the test reads what arrived.
/// </summary>
public sealed class LocalMailServer : IAsyncDisposable
{
    public const string From = "soliday@example.org";

    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private LocalMailServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Inbox(_received));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The settings that send Soliday's mail here.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = $"{Port}",
        ["Notifications__From"] = From,
    };

    public static async Task<LocalMailServer> StartAsync()
    {
        var server = new LocalMailServer(LoopbackPorts.Free(1)[0]);
        await SolidayApi.EventuallyAsync(() => Task.FromResult(server.IsListening()), "the mail server listens");
        return server;
    }

    /// <summary>Everything delivered to <paramref name="address"/> so far.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> messages have reached <paramref name="address"/>, and returns them in order.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count)
    {
        await SolidayApi.EventuallyAsync(() => Task.FromResult(To(address).Count >= count), $"{count} email(s) reach {address}");
        return To(address);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }

    private bool IsListening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Keeps each message as MimeKit parses it.</summary>
    private sealed class Inbox(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
