using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// Whether a Bluesky post is still there, for <see cref="SourcePostCheck"/>: asked of the
/// configured service with <c>app.bsky.feed.getPosts</c>, whose answer leaves out a post that was
/// deleted. Only for a post whose id is its <c>at://</c> URI (the poller's, or a webhook sender's
/// that gave one), and only while the account can sign in: with its app password still an unresolved
/// Key Vault reference, or refused by Bluesky (recorded by the poller), it does not ask, as each try
/// would spend one of the account's few sign-ins, and the post's web address is checked instead.
/// </summary>
public sealed class BlueskyPostCheck(BlueskyClient bluesky, BlueskySession session, BlueskyCheckpoints checkpoints, IOptions<HashtagOptions> options)
{
    /// <summary>True while the post is there, false once deleted; null when this is not a Bluesky post it can ask about now.</summary>
    public async Task<bool?> StillThereAsync(SourcePost post, CancellationToken cancellationToken)
    {
        if (!options.Value.Bluesky.CanSignIn || BlueskyPostUri.Parse(post.PostId) is not { } uri
            || await checkpoints.CurrentRefusalAsync(cancellationToken) is not null)
        {
            return null;
        }

        return await session.CallAsync((token, ct) => bluesky.PostExistsAsync(token, uri, ct), cancellationToken);
    }

    /// <summary>A post read from Bluesky, which must never be asked after as if it were on a Mastodon server.</summary>
    public static bool IsBlueskyPost(SourcePost post) => BlueskyPostUri.Parse(post.PostId) is not null;
}
