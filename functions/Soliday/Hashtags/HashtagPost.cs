using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Hashtags;

/// <summary>
/// A post with the hashtag, as it travels on the <c>hashtag-posts</c> queue: one shape whether it
/// was read from Mastodon or pushed to the webhook. Its text is plain text, never markup. Every
/// field is bounded (see <see cref="Check"/>), so a message always fits a queue message.
/// </summary>
public sealed record HashtagPost
{
    /// <summary>As the form's caption: a post longer than this is cut, never refused.</summary>
    public const int MaxTextLength = SubmissionFormFields.MaxCaptionLength;
    public const int MaxAltLength = SubmissionFormFields.MaxAltLength;
    public const int MaxUrlLength = 2000;
    public const int MaxNameLength = 200;
    public const int MaxIdLength = 200;
    public const int MaxContentWarningLength = 500;
    public const int MaxSourceLength = 32;
    public const int MaxLabels = 8;
    public const int MaxLabelLength = 200;

    /// <summary><c>mastodon</c>, or the name a webhook sender gives (<c>bluesky</c>, <c>zapier</c>): lower-case letters, digits and dashes.</summary>
    public required string Source { get; init; }

    /// <summary>The post's public address: its identity, so the same post from anywhere is one entry.</summary>
    public required string Url { get; init; }

    /// <summary>Its id at the source (on <see cref="Server"/> for Mastodon).</summary>
    public string? PostId { get; init; }

    /// <summary>For Mastodon: the server it was read from, to ask later whether it still exists.</summary>
    public string? Server { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required string Text { get; init; }
    public required PostAuthor Author { get; init; }

    /// <summary>Up to <see cref="Entry.MaxPhotos"/> photos, in the order of the post.</summary>
    public IReadOnlyList<PostMedia> Media { get; init; } = [];

    /// <summary>The author's content warning (Mastodon's <c>spoiler_text</c>), for the curator.</summary>
    public string? ContentWarning { get; init; }

    /// <summary>Labels the post carries at its source (Bluesky's self-labels and moderation labels), in words for the curator.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>What is wrong with the post, field by field; empty when it can be taken in.</summary>
    public IReadOnlyDictionary<string, string> Check()
    {
        var problems = new Dictionary<string, string>();
        if (Source is not { Length: > 0 and <= MaxSourceLength } || !Source.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            problems["source"] = $"Name the source in at most {MaxSourceLength} lower-case letters, digits or dashes.";
        }

        if (!IsWebAddress(Url))
        {
            problems["url"] = "Give the post's public address (http or https).";
        }

        if (PostId is { Length: > MaxIdLength })
        {
            problems["id"] = $"Keep the id to {MaxIdLength} characters or fewer.";
        }

        if (Server is not null && !IsWebAddress(Server))
        {
            problems["server"] = "The server must be an http or https address.";
        }

        if (CreatedAt == default)
        {
            problems["createdAt"] = "Give the time of the post (ISO 8601).";
        }

        if (Text is null || Text.Length > MaxTextLength)
        {
            problems["text"] = $"Keep the text to {MaxTextLength} characters or fewer.";
        }

        if (Author is null || (string.IsNullOrWhiteSpace(Author.Name) && string.IsNullOrWhiteSpace(Author.Handle))
            || Author.Name?.Length > MaxNameLength || Author.Handle?.Length > MaxNameLength
            || (Author.Url is not null && !IsWebAddress(Author.Url)))
        {
            problems["author"] = $"Give the author's name or handle (at most {MaxNameLength} characters each), and if any, their address (http or https).";
        }

        if (Media is null || Media.Count > Entry.MaxPhotos)
        {
            problems["media"] = $"Send at most {Entry.MaxPhotos} photos with one post.";
        }
        else if (Media.Any(m => m is null || !IsWebAddress(m.Url) || m.Description?.Length > MaxAltLength))
        {
            problems["media"] = $"Each photo needs its address (http or https), and a description of at most {MaxAltLength} characters.";
        }

        if (ContentWarning is { Length: > MaxContentWarningLength })
        {
            problems["contentWarning"] = $"Keep the content warning to {MaxContentWarningLength} characters or fewer.";
        }

        if (Labels is null || Labels.Count > MaxLabels || Labels.Any(l => l is null || l.Length > MaxLabelLength))
        {
            problems["labels"] = $"Send at most {MaxLabels} labels of at most {MaxLabelLength} characters each.";
        }

        return problems;
    }

    /// <summary>"Display Name (@handle@server)": who to thank, as they call themselves.</summary>
    public string Credit()
    {
        var name = Author.Name?.Trim() is { Length: > 0 } given ? given : null;
        var handle = Author.Handle?.Trim() is { Length: > 0 } h ? h : null;
        return name is null ? handle! : handle is null ? name : $"{name} ({handle})";
    }

    public static bool IsWebAddress(string? url) =>
        url is { Length: > 0 and <= MaxUrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}

/// <summary>Who posted it: the name they show, their handle (<c>@name@server</c>) and their profile's address.</summary>
public sealed record PostAuthor(string? Name, string? Handle, string? Url = null);

/// <summary>A photo of a post: where to fetch it, and its description (the alt text) if the author wrote one.</summary>
public sealed record PostMedia(string Url, string? Description = null);
