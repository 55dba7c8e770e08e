using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Soliday.Mail;

/// <summary>One plain-text message: residents' mail is short and must read the same in every client.</summary>
public sealed record MailMessage(string To, string Subject, string Body);

/// <summary>Sends mail through the configured SMTP server with MailKit: a connection per message, as notes are few.</summary>
public sealed class MailSender(IOptions<NotificationOptions> options)
{
    /// <summary>A mail server that does not answer within this is down: the caller's retries take over.</summary>
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host) && !string.IsNullOrWhiteSpace(options.Value.From);

    /// <summary>True for an address MailKit can send to; the form's own check is looser.</summary>
    public static bool CanSendTo(string address) => MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);

    public async Task SendAsync(MailMessage mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var host = settings.Smtp.Host ?? throw new InvalidOperationException("Notifications:Smtp:Host is not set: check IsConfigured first.");
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From ?? throw new InvalidOperationException("Notifications:From is not set: check IsConfigured first.")));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = (int)SendTimeout.TotalMilliseconds };
        await client.ConnectAsync(host, settings.Smtp.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
