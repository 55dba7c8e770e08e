using Soliday.Web;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// The Bluesky account #Soliday is searched with (<c>Hashtags:Bluesky</c>). Bluesky's post search
/// refuses calls that are not signed in, so reading it needs an account: a handle and an app
/// password (Settings, Privacy and security, App passwords), never the account's own password.
/// </summary>
public sealed class BlueskyOptions
{
    /// <summary>The account's PDS, or the entryway that signs it in: <c>https://bsky.social</c> for most accounts.</summary>
    public string? Service { get; set; }

    /// <summary>The account's handle, e.g. <c>soliday-reader.bsky.social</c> (no @).</summary>
    public string? Handle { get; set; }

    /// <summary>An app password for the handle (<c>xxxx-xxxx-xxxx-xxxx</c>). A secret: in Azure a Key Vault reference.</summary>
    public string? AppPassword { get; set; }

    /// <summary>All three set: Bluesky is read. None set: nothing runs. Some set: a configuration error, refused at start.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Service) && !string.IsNullOrWhiteSpace(Handle) && !string.IsNullOrWhiteSpace(AppPassword);

    /// <summary>
    /// Configured, and the app password is a password: while it is still an unresolved Key Vault
    /// reference (its text is public) it is never sent, which would only spend the account's
    /// sign-ins; <c>/api/health</c> names the setting until it resolves.
    /// </summary>
    public bool CanSignIn => IsConfigured && !KeyVaultReferences.IsUnresolved(AppPassword);

    public bool IsPartlyConfigured => !IsConfigured && (!string.IsNullOrWhiteSpace(Service) || !string.IsNullOrWhiteSpace(Handle) || !string.IsNullOrWhiteSpace(AppPassword));

    /// <summary>The service's base address, ending with a slash so XRPC paths resolve under it.</summary>
    public Uri ServiceUrl => new(Service!.Trim().TrimEnd('/') + "/");

    /// <summary>A name for the service's checkpoint blob: its host and port, as letters, digits, dots and dashes.</summary>
    public string CheckpointKey => new string([.. $"bluesky-{ServiceUrl.Host}-{ServiceUrl.Port}"
        .Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? char.ToLowerInvariant(c) : '-')]);
}
