using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Hashtags.Bluesky;
using Soliday.Storage;

namespace Soliday.Hashtags;

/// <summary>
/// What the workflow's <c>CheckSourcePost</c> step does: before an approved post from elsewhere is published, asks
/// its source whether it is still there. A Mastodon post is asked of its server's API
/// (<c>404</c>/<c>410</c>: deleted); a Bluesky post, of Bluesky (<see cref="BlueskyPostCheck"/>); one pushed to the webhook, of its address. The author's
/// deletion is their answer, whatever the curator said. A source that cannot answer now throws,
/// and the workflow retries, then publishes on the curator's word (see <c>SubmissionOrchestration</c>).
/// </summary>
public sealed class SourcePostCheck(EntryStore entries, MastodonClient mastodon, BlueskyPostCheck bluesky, MediaDownloader web, IOptions<HashtagOptions> options, ILogger<SourcePostCheck> logger)
{
    /// <summary>True when the author deleted the post (or made it private): it must not be published.</summary>
    public async Task<bool> IsGoneAsync(string submissionId)
    {
        var entry = await entries.GetAsync(submissionId);
        if (entry.SourcePost is not { } post)
        {
            return false;
        }

        var stillThere = await bluesky.StillThereAsync(post, CancellationToken.None)
            ?? (post is { Server: { } server, PostId: { } postId } && HashtagPost.IsWebAddress(server) && !BlueskyPostCheck.IsBlueskyPost(post)
                ? await mastodon.StatusExistsAsync(Server(server), postId, CancellationToken.None)
                : await web.StillThereAsync(post.Url, CancellationToken.None));
        if (stillThere == false)
        {
            logger.LogInformation("Submission {SubmissionId}: its post was deleted at the source", entry.Id);
        }

        return stillThere == false;
    }

    /// <summary>The server as configured (with its token), or as recorded if it has since left the configuration.</summary>
    private MastodonServer Server(string address) =>
        options.Value.MastodonServers().FirstOrDefault(s => s.ToString() == address.TrimEnd('/'))
        ?? new MastodonServer(new Uri(address.TrimEnd('/') + "/"), AccessToken: null);
}
