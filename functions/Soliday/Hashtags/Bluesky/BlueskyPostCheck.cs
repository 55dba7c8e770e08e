using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// Whether a Bluesky post is still there, for <see cref="SourcePostCheck"/>: asked of the
/// configured service with <c>app.bsky.feed.getPosts</c>, whose answer leaves out a post that was
/// deleted. Only for a post whose id is its <c>at://</c> URI (the poller's, or a webhook sender's
/// that gave one), and only while Bluesky is configured.
/// </summary>
public sealed class BlueskyPostCheck(BlueskyClient bluesky, BlueskySession session, IOptions<HashtagOptions> options)
{
    /// <summary>True while the post is there, false once deleted; null when this is not a Bluesky post it can ask about.</summary>
    public async Task<bool?> StillThereAsync(SourcePost post, CancellationToken cancellationToken)
    {
        if (!options.Value.Bluesky.IsConfigured || BlueskyPostUri.Parse(post.PostId) is not { } uri)
        {
            return null;
        }

        return await session.CallAsync((token, ct) => bluesky.PostExistsAsync(token, uri, ct), cancellationToken);
    }

    /// <summary>A post read from Bluesky, which must never be asked after as if it were on a Mastodon server.</summary>
    public static bool IsBlueskyPost(SourcePost post) => BlueskyPostUri.Parse(post.PostId) is not null;
}
