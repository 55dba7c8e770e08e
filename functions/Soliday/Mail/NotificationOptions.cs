namespace Soliday.Mail;

/// <summary>Bound from the <c>Notifications</c> configuration section: where email goes out from.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The SMTP server that takes Soliday's mail. No host: no email is sent at all.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The address residents see mail from (and may reply to). No address: no email is sent.</summary>
    public string? From { get; set; }

    /// <summary>Where reminders and digests of entries waiting too long go. None: neither is sent, and reminders stay on the <c>curator-reminders</c> queue.</summary>
    public List<string> CuratorAddresses { get; set; } = [];

    /// <summary>Entries waiting longer than this are counted in the curators' digest (at most one an hour).</summary>
    public TimeSpan DigestAfter { get; set; } = TimeSpan.FromMinutes(30);
}

/// <summary>The SMTP server (<c>Notifications:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>587, the submission port: TLS is used whenever the server offers it (STARTTLS).</summary>
    public int Port { get; set; } = 587;
}
