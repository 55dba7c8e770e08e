namespace Soliday.Hashtags;

/// <summary>
/// A status as Mastodon's REST API returns it (<c>GET /api/v1/timelines/tag/:hashtag</c>,
/// <c>GET /api/v1/statuses/:id</c>): only the fields Soliday reads. Every field may be missing or
/// null in what a server sends; the mapper decides what is usable.
/// </summary>
public sealed record MastodonStatus
{
    public string? Id { get; init; }
    public string? Uri { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>HTML.</summary>
    public string? Content { get; init; }
    public string? SpoilerText { get; init; }
    public string? Visibility { get; init; }
    public MastodonAccount? Account { get; init; }
    public IReadOnlyList<MastodonAttachment>? MediaAttachments { get; init; }

    /// <summary>Set on a boost: the boosted status. Boosts are not taken; the original is, if it has the tag.</summary>
    public MastodonStatus? Reblog { get; init; }
}

public sealed record MastodonAccount
{
    public string? Username { get; init; }

    /// <summary><c>name</c> for an account of the server asked, <c>name@other.server</c> for a remote one.</summary>
    public string? Acct { get; init; }
    public string? DisplayName { get; init; }
    public string? Url { get; init; }
}

public sealed record MastodonAttachment
{
    /// <summary><c>image</c>, <c>gifv</c>, <c>video</c>, <c>audio</c> or <c>unknown</c>.</summary>
    public string? Type { get; init; }

    /// <summary>The server's own copy.</summary>
    public string? Url { get; init; }

    /// <summary>The original on the author's server, for remote media the server has not copied.</summary>
    public string? RemoteUrl { get; init; }

    /// <summary>The author's alt text.</summary>
    public string? Description { get; init; }
}
