using System.Text.Json;
using System.Text.Json.Serialization;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// What Bluesky's XRPC API answers, as its lexicons define it: only the fields Soliday reads. Every
/// field may be missing or null in what a service sends; the mapper decides what is usable.
/// </summary>
/// <param name="AccessJwt">Sent as the bearer token; lives minutes to hours.</param>
/// <param name="RefreshJwt">Sent to <c>refreshSession</c> for a new pair; lives weeks.</param>
public sealed record BlueskySessionBody(string? AccessJwt, string? RefreshJwt, string? Handle, string? Did);

/// <summary><c>app.bsky.feed.searchPosts</c>: a page of posts, newest first with <c>sort=latest</c>, and the cursor of the next (older) page.</summary>
public sealed record BlueskySearchBody(string? Cursor, IReadOnlyList<JsonElement>? Posts);

/// <summary><c>app.bsky.feed.getPosts</c>: the posts asked for that still exist.</summary>
public sealed record BlueskyPostsBody(IReadOnlyList<JsonElement>? Posts);

/// <summary>An XRPC error: <c>{ "error": "ExpiredToken", "message": "Token has expired" }</c>.</summary>
public sealed record BlueskyErrorBody(string? Error, string? Message);

/// <summary><c>app.bsky.feed.defs#postView</c>.</summary>
public sealed record BlueskyPostView
{
    /// <summary><c>at://did:plc:…/app.bsky.feed.post/&lt;rkey&gt;</c>: the post's identity.</summary>
    public string? Uri { get; init; }
    public BlueskyAuthor? Author { get; init; }
    public BlueskyPostRecord? Record { get; init; }
    public BlueskyEmbedView? Embed { get; init; }
    public DateTimeOffset? IndexedAt { get; init; }

    /// <summary>Labels on the post: the author's own (their DID as <c>src</c>) and those of moderation services.</summary>
    public IReadOnlyList<BlueskyLabel>? Labels { get; init; }
}

/// <summary><c>app.bsky.actor.defs#profileViewBasic</c>.</summary>
public sealed record BlueskyAuthor(string? Did, string? Handle, string? DisplayName);

/// <summary>The <c>app.bsky.feed.post</c> record itself, as its author wrote it.</summary>
public sealed record BlueskyPostRecord
{
    public string? Text { get; init; }
    public IReadOnlyList<BlueskyFacet>? Facets { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary><c>com.atproto.label.defs#selfLabels</c>: the author's own content warnings.</summary>
    public BlueskySelfLabels? Labels { get; init; }
}

public sealed record BlueskySelfLabels(IReadOnlyList<BlueskySelfLabel>? Values);

public sealed record BlueskySelfLabel(string? Val);

/// <summary><c>app.bsky.richtext.facet</c>: a span of the text's UTF-8 bytes and what it is (a link, a mention, a tag).</summary>
public sealed record BlueskyFacet(BlueskyByteSlice? Index, IReadOnlyList<BlueskyFacetFeature>? Features);

public sealed record BlueskyByteSlice(int ByteStart, int ByteEnd);

/// <summary><c>$type</c> <c>app.bsky.richtext.facet#link</c> (with <c>uri</c>), <c>#mention</c> (<c>did</c>) or <c>#tag</c> (<c>tag</c>).</summary>
public sealed record BlueskyFacetFeature
{
    [JsonPropertyName("$type")]
    public string? Type { get; init; }
    public string? Uri { get; init; }
}

/// <summary>
/// The post's embed as the AppView shows it: <c>app.bsky.embed.images#view</c> carries the images;
/// <c>app.bsky.embed.recordWithMedia#view</c> (a quote with photos) carries them in <c>media</c>.
/// </summary>
public sealed record BlueskyEmbedView
{
    public const string ImagesView = "app.bsky.embed.images#view";
    public const string RecordWithMediaView = "app.bsky.embed.recordWithMedia#view";

    [JsonPropertyName("$type")]
    public string? Type { get; init; }
    public IReadOnlyList<BlueskyImageView>? Images { get; init; }
    public BlueskyEmbedView? Media { get; init; }
}

/// <param name="Fullsize">The full-size image on Bluesky's CDN.</param>
/// <param name="Alt">The author's alt text; an empty string when they wrote none.</param>
public sealed record BlueskyImageView(string? Fullsize, string? Alt);

/// <summary><c>com.atproto.label.defs#label</c>: <c>val</c> from <c>src</c>; <c>neg</c> takes an earlier label back.</summary>
public sealed record BlueskyLabel(string? Src, string? Val, bool? Neg);
