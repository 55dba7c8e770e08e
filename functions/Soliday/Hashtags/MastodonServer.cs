namespace Soliday.Hashtags;

/// <summary>A Mastodon server whose hashtag timeline is read, and the token to read it with, if any.</summary>
/// <param name="BaseUrl">Ends with a slash, so API paths resolve under it.</param>
public sealed record MastodonServer(Uri BaseUrl, string? AccessToken)
{
    /// <summary>A name for the server's checkpoint blob: its address without scheme, as letters, digits, dots and dashes.</summary>
    public string Key => new string([.. $"{BaseUrl.Host}-{BaseUrl.Port}{BaseUrl.AbsolutePath.TrimEnd('/')}"
        .Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? char.ToLowerInvariant(c) : '-')]);

    /// <summary>The address as written in configuration, for logs (never the token).</summary>
    public override string ToString() => BaseUrl.AbsoluteUri.TrimEnd('/');
}
