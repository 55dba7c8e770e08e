namespace Soliday.Hashtags;

/// <summary>
/// The JSON body of <c>POST /api/hooks/posts</c>:
/// <c>{ "source", "id", "url", "createdAt", "text", "author": { "name", "handle", "url" }, "media": [ { "url", "description" } ] }</c>.
/// <c>text</c> is plain text (markup in it is shown as typed, never run).
/// </summary>
public sealed record WebhookPostBody(
    string? Source,
    string? Id,
    string? Url,
    DateTimeOffset? CreatedAt,
    string? Text,
    WebhookAuthor? Author,
    IReadOnlyList<WebhookMedia>? Media)
{
    public HashtagPost ToPost() => new()
    {
        Source = Source?.Trim().ToLowerInvariant() ?? "",
        Url = Url?.Trim() ?? "",
        PostId = Id?.Trim() is { Length: > 0 } id ? id : null,
        CreatedAt = CreatedAt ?? default,
        Text = PostText.Tidy(Text),
        Author = new PostAuthor(PostText.Tidy(Author?.Name), PostText.Tidy(Author?.Handle), Author?.Url?.Trim() is { Length: > 0 } url ? url : null),
        Media = [.. (Media ?? []).Select(m => new PostMedia(m?.Url?.Trim() ?? "", PostText.Tidy(m?.Description) is { Length: > 0 } alt ? alt : null))],
    };
}

public sealed record WebhookAuthor(string? Name, string? Handle, string? Url);

public sealed record WebhookMedia(string? Url, string? Description);
