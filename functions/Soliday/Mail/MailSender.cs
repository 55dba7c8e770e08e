using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Soliday.Mail;

/// <summary>One plain-text message: residents' mail is short and must read the same in every client.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

/// <summary>
/// A message the mail server did not take. Its text says only the SMTP status, never the server's
/// own words, which can quote the address (it would reach logs and the durable history, and outlive
/// the entry's erasure).
/// </summary>
/// <param name="Permanent">A 5xx refusal (no such mailbox, say): trying again would get the same answer.</param>
public sealed class MailNotSentException(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;
}

/// <summary>
/// Sends mail: in Azure through Azure Communication Services (<see cref="AcsEmailClient"/>, when
/// <c>Notifications:Acs:Endpoint</c> is set), otherwise through the configured SMTP server with
/// MailKit, a connection per message, as notes are few. TLS is required (STARTTLS) for any SMTP
/// server but one on this machine: the receipt carries the link that takes an entry down, and must
/// not cross a network in the clear.
/// </summary>
public sealed class MailSender(IOptions<NotificationOptions> options, AcsEmailClient acs)
{
    /// <summary>A mail server that does not answer within this is down: the caller's retries take over.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public bool IsConfigured => options.Value.CanSend;

    /// <summary>True for an address MailKit can send to; the form's own check is looser.</summary>
    public static bool CanSendTo(string address) => MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);

    public async Task SendAsync(MailMessage mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (acs.IsConfigured)
        {
            await acs.SendAsync(settings.From ?? throw new InvalidOperationException("Notifications:From is not set: check IsConfigured first."), mail, cancellationToken);
            return;
        }

        var host = settings.Smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set: check IsConfigured first.");
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From ?? throw new InvalidOperationException("Notifications:From is not set: check IsConfigured first.")));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = (int)SendTimeout.TotalMilliseconds };
        var security = IsThisMachine(host) ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.StartTls;
        try
        {
            await client.ConnectAsync(host, settings.Smtp.Port, security, cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            throw new MailNotSentException($"The mail server refused the message (SMTP {(int)e.StatusCode}).", permanent: (int)e.StatusCode >= 500);
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException or SslHandshakeException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new MailNotSentException($"The mail server could not be reached or broke off ({e.GetType().Name}).", permanent: false);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // The message was taken before this: failing here must not send it again.
        }
    }

    private static bool IsThisMachine(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
