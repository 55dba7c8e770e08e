using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Hashtags;

/// <summary>
/// A Mastodon status as a <see cref="HashtagPost"/>: its HTML as plain text, its images (not
/// videos or audio, which Soliday does not show) with their descriptions, its author as
/// "Display Name (@name@server)", its address. Everything cut to the post's bounds.
/// </summary>
public static class MastodonPostMapper
{
    /// <summary>The post, or null for a status that cannot be one: a boost, not public, or with no id, time or address.</summary>
    public static HashtagPost? ToPost(MastodonStatus status, MastodonServer server)
    {
        if (status.Reblog is not null || status.Id is not { Length: > 0 and <= HashtagPost.MaxIdLength } id || status.CreatedAt is not { } createdAt
            || status.Visibility is not (null or "public" or "unlisted"))
        {
            return null;
        }

        // The web address people open; the ActivityPub id when a server gives none.
        var url = new[] { status.Url, status.Uri }.FirstOrDefault(HashtagPost.IsWebAddress);
        if (url is null)
        {
            return null;
        }

        return new HashtagPost
        {
            Source = SubmissionSources.Mastodon,
            Url = url,
            PostId = id,
            Server = server.ToString(),
            CreatedAt = createdAt,
            Text = PostText.Bounded(PostText.FromHtml(status.Content), HashtagPost.MaxTextLength),
            Author = Author(status.Account, server),
            Media = [.. (status.MediaAttachments ?? [])
                .Where(a => a.Type == "image")
                .Select(a => (Url: new[] { a.Url, a.RemoteUrl }.FirstOrDefault(HashtagPost.IsWebAddress), a.Description))
                .Where(a => a.Url is not null)
                .Take(Entry.MaxPhotos)
                .Select(a => new PostMedia(a.Url!, Description(a.Description)))],
            ContentWarning = PostText.Tidy(status.SpoilerText) is { Length: > 0 } warning ? PostText.Bounded(warning, HashtagPost.MaxContentWarningLength) : null,
        };
    }

    private static PostAuthor Author(MastodonAccount? account, MastodonServer server)
    {
        var acct = PostText.Tidy(account?.Acct ?? account?.Username);
        var handle = acct.Length == 0 ? null : acct.Contains('@') ? $"@{acct}" : $"@{acct}@{server.BaseUrl.Host}";
        var name = PostText.Tidy(account?.DisplayName) is { Length: > 0 } shown ? shown : PostText.Tidy(account?.Username);
        return new PostAuthor(
            Bounded(name.Length > 0 ? name : null, HashtagPost.MaxNameLength),
            Bounded(handle, HashtagPost.MaxNameLength) ?? $"someone on {server.BaseUrl.Host}",
            HashtagPost.IsWebAddress(account?.Url) ? account!.Url : null);
    }

    private static string? Description(string? description) =>
        PostText.Tidy(description) is { Length: > 0 } alt ? PostText.Bounded(alt, HashtagPost.MaxAltLength) : null;

    private static string? Bounded(string? text, int max) => text is null ? null : PostText.Bounded(text, max);
}
