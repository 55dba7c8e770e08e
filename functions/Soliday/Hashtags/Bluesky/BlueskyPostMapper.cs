using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// A Bluesky post (<c>app.bsky.feed.defs#postView</c>) as a <see cref="HashtagPost"/>: its text with
/// its links written out in full, its author as "Display Name (@handle)", its address on bsky.app
/// as the credit link, its identity (the <c>at://</c> URI) to ask later whether it still exists,
/// its images with their alt text, and its labels for the curators. Everything cut to the post's bounds.
/// </summary>
public static class BlueskyPostMapper
{
    /// <summary>The self-label an author sets to ask that their posts not be shown to people who are not signed in.</summary>
    public const string NoUnauthenticated = "!no-unauthenticated";

    private const int MaxLabelValueLength = 128;

    /// <summary>The post, or null for one that cannot be: no valid <c>at://</c> URI of a post, or no time.</summary>
    public static HashtagPost? ToPost(BlueskyPostView view, Uri service)
    {
        if (BlueskyPostUri.Parse(view.Uri) is not { } uri || (view.Record?.CreatedAt ?? view.IndexedAt) is not { } createdAt)
        {
            return null;
        }

        var handle = BlueskyPostUri.IsHandle(view.Author?.Handle) ? view.Author!.Handle!.ToLowerInvariant() : null;
        var name = PostText.Tidy(view.Author?.DisplayName);
        return new HashtagPost
        {
            Source = SubmissionSources.Bluesky,
            Url = uri.WebUrl(handle),
            PostId = uri.ToString(),
            Server = service.AbsoluteUri.TrimEnd('/'),
            CreatedAt = createdAt,
            Text = PostText.Bounded(BlueskyText.Plain(view.Record), HashtagPost.MaxTextLength),
            Author = new PostAuthor(
                name.Length > 0 ? PostText.Bounded(name, HashtagPost.MaxNameLength) : null,
                handle is null ? PostText.Bounded(uri.Did, HashtagPost.MaxNameLength) : $"@{handle}",
                $"https://{BlueskyPostUri.WebHost}/profile/{handle ?? uri.Did}"),
            Media = [.. Images(view.Embed)
                .Where(image => HashtagPost.IsWebAddress(image?.Fullsize))
                .Take(Entry.MaxPhotos)
                .Select(image => new PostMedia(image!.Fullsize!, PostText.Tidy(image.Alt) is { Length: > 0 } alt ? PostText.Bounded(alt, HashtagPost.MaxAltLength) : null))],
            Labels = Labels(view, uri.Did),
        };
    }

    /// <summary>The moment the search orders by: the earlier of when the post says it was written and when the service saw it.</summary>
    public static DateTimeOffset? SortAt(BlueskyPostView view) =>
        (view.Record?.CreatedAt, view.IndexedAt) switch
        {
            ({ } created, { } indexed) => created < indexed ? created : indexed,
            ({ } created, null) => created,
            (null, { } indexed) => indexed,
            _ => null,
        };

    /// <summary>Photos of a post, or of a quote post with photos of its own (<c>recordWithMedia</c>).</summary>
    private static IEnumerable<BlueskyImageView?> Images(BlueskyEmbedView? embed) =>
        embed?.Type switch
        {
            BlueskyEmbedView.ImagesView => embed.Images ?? [],
            BlueskyEmbedView.RecordWithMediaView when embed.Media?.Type == BlueskyEmbedView.ImagesView => embed.Media.Images ?? [],
            _ => [],
        };

    /// <summary>
    /// The author's labels (in the record's <c>selfLabels</c>, or among the view's labels with the
    /// author's DID as source) and moderation services' labels (not taken back by a <c>neg</c>), as
    /// words for curators: the label, and who set it.
    /// </summary>
    private static IReadOnlyList<string> Labels(BlueskyPostView view, string authorDid)
    {
        var own = (view.Record?.Labels?.Values ?? []).Select(l => l?.Val)
            .Concat((view.Labels ?? []).Where(l => l?.Src == authorDid && l.Neg != true).Select(l => l!.Val));
        var described = own.Select(Value).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(value => value == NoUnauthenticated
                ? $"{value} (its author asked that their posts not be shown to people who are not signed in to Bluesky)"
                : $"{value} (set by its author)")
            .ToList();

        var taken = (view.Labels ?? []).Where(l => l?.Neg == true).Select(l => (l!.Src, Value(l.Val))).ToHashSet();
        described.AddRange((view.Labels ?? [])
            .Where(l => l is { Neg: not true } && l.Src != authorDid && Value(l.Val) is not null && !taken.Contains((l.Src, Value(l.Val))))
            .Select(l => $"{Value(l!.Val)} (set by the moderation service {PostText.Bounded(PostText.Tidy(l.Src) is { Length: > 0 } src ? src : "unnamed", HashtagPost.MaxNameLength)})")
            .Distinct(StringComparer.Ordinal));
        return [.. described.Take(HashtagPost.MaxLabels).Select(label => PostText.Bounded(label, HashtagPost.MaxLabelLength))];
    }

    private static string? Value(string? value) => PostText.Tidy(value) is { Length: > 0 } tidy ? PostText.Bounded(tidy, MaxLabelValueLength) : null;
}
