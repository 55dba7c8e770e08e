namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// A Bluesky post's identity: <c>at://&lt;did&gt;/app.bsky.feed.post/&lt;rkey&gt;</c>, its author's
/// DID (which, unlike the handle, never changes) and its record key. Read from an <c>at://</c> URI,
/// or from a <c>https://bsky.app/profile/did:…/post/&lt;rkey&gt;</c> address that names the DID.
/// Anything else, or a part with characters the AT Protocol does not allow, is not one.
/// </summary>
public sealed record BlueskyPostUri(string Did, string RecordKey)
{
    public const string PostCollection = "app.bsky.feed.post";

    /// <summary>Where people open a post: the credit link on the site.</summary>
    public const string WebHost = "bsky.app";

    /// <summary>The AT Protocol's own bounds: a DID of at most 2 KB, a record key of 1 to 512 characters.</summary>
    private const int MaxDidLength = 2048;
    private const int MaxRecordKeyLength = 512;

    public override string ToString() => $"at://{Did}/{PostCollection}/{RecordKey}";

    /// <summary>The post's page on bsky.app, under the author's handle (as people share it) or, without one, their DID.</summary>
    public string WebUrl(string? handle) => $"https://{WebHost}/profile/{(IsHandle(handle) ? handle!.ToLowerInvariant() : Did)}/post/{RecordKey}";

    public static BlueskyPostUri? Parse(string? value)
    {
        if (value is null || !value.StartsWith("at://", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = value["at://".Length..].Split('/');
        return parts.Length == 3 && parts[1] == PostCollection && IsDid(parts[0]) && IsRecordKey(parts[2]) ? new BlueskyPostUri(parts[0], parts[2]) : null;
    }

    /// <summary>The post a bsky.app address names by its author's DID; null for any other address (a handle may change hands, so it names no one for sure).</summary>
    public static BlueskyPostUri? FromWebUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || !uri.IdnHost.Equals(WebHost, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = uri.AbsolutePath.Trim('/').Split('/');
        return parts.Length == 4 && parts[0] == "profile" && parts[2] == "post" && IsDid(Uri.UnescapeDataString(parts[1])) && IsRecordKey(parts[3])
            ? new BlueskyPostUri(Uri.UnescapeDataString(parts[1]), parts[3])
            : null;
    }

    /// <summary><c>did:method:identifier</c>, in the characters the DID syntax allows.</summary>
    public static bool IsDid(string? did) =>
        did is { Length: > 8 and <= MaxDidLength } && did.StartsWith("did:", StringComparison.Ordinal)
        && did.Split(':') is { Length: >= 3 } parts && parts[1].Length > 0 && parts[1].All(char.IsAsciiLetterLower)
        && did.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '%' or '-') && !did.EndsWith(':');

    /// <summary>A handle is a domain name: letters, digits, dashes and dots, at least two labels.</summary>
    public static bool IsHandle(string? handle) =>
        handle is { Length: > 2 and <= 253 } && handle.Contains('.')
        && handle.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-');

    private static bool IsRecordKey(string key) =>
        key.Length is > 0 and <= MaxRecordKeyLength && key is not ("." or "..") && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':' or '~');
}
