namespace Soliday.Mail;

/// <summary>Bound from the <c>Notifications</c> configuration section: where email goes out from.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The SMTP server that takes Soliday's mail (locally and in tests). No host and no <see cref="Acs"/> endpoint: no email is sent at all.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Azure Communication Services Email, in Azure: used instead of <see cref="Smtp"/> when its endpoint is set.</summary>
    public AcsOptions Acs { get; set; } = new();

    /// <summary>The address residents see mail from (and may reply to). No address: no email is sent.</summary>
    public string? From { get; set; }

    /// <summary>Where reminders and digests of entries waiting too long go. None: neither is sent, and reminders stay on the <c>curator-reminders</c> queue.</summary>
    public List<string> CuratorAddresses { get; set; } = [];

    /// <summary>Whether mail can go out at all: a way to send it (ACS or an SMTP host) and an address to send it from.</summary>
    public bool CanSend => (Acs.IsConfigured || !string.IsNullOrWhiteSpace(Smtp.Host)) && !string.IsNullOrWhiteSpace(From);

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

/// <summary>
/// Azure Communication Services Email (<c>Notifications:Acs</c>), reached over its REST API with the
/// app's managed identity: no key or password anywhere (docs/deploy.md, "Email").
/// </summary>
public sealed class AcsOptions
{
    /// <summary>The Communication Service's endpoint, <c>https://{name}.{geo}.communication.azure.com</c>. None: mail goes through SMTP, if set.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The client id of the user-assigned managed identity that holds the role on the Communication Service; none for the system-assigned one.</summary>
    public string? ClientId { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>
    /// HTTPS, or plain HTTP to this machine only (a test's stand-in): the receipt carries the link
    /// that takes an entry down, and the request a bearer token for the app's identity.
    /// </summary>
    public static bool IsAllowedEndpoint(string? endpoint) =>
        string.IsNullOrWhiteSpace(endpoint)
        || (Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)));
}
