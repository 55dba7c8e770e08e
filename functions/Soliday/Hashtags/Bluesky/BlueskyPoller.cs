using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// Reads Bluesky's search for the hashtag (<c>app.bsky.feed.searchPosts</c>, newest first), signed
/// in as the configured account, and puts each new post on the <c>hashtag-posts</c> queue, the
/// same queue, block list, caps and curation path as Mastodon's. Runs from its own timer
/// (<see cref="HashtagTriggers.PollBluesky"/>), which is off while Bluesky is not configured. A poll
/// claims the service's checkpoint first (ETag), so two pollers never read it at once; a post read
/// twice all the same is one entry, as its submission id comes from its <c>at://</c> URI.
/// A <c>429</c> is waited out until its <c>RateLimit-Reset</c>; a refused sign-in is recorded, shown
/// to curators and on <c>/api/health</c>, and not tried again until the settings change or
/// <see cref="SignInRetryAfter"/> has passed.
/// </summary>
public sealed class BlueskyPoller(
    BlueskyClient bluesky,
    BlueskySession session,
    BlueskyCheckpoints checkpoints,
    HashtagPostQueue queue,
    AuthorBlockList blockList,
    IOptions<HashtagOptions> options,
    IOptions<SolidayOptions> soliday,
    TimeProvider clock,
    ILogger<BlueskyPoller> logger)
{
    /// <summary>
    /// A refused handle or app password stays refused until someone changes it: trying every poll
    /// would only spend the account's sign-ins (Bluesky allows 30 in five minutes, 300 a day) and
    /// could get it locked. Four tries a day let a fix on Bluesky's side be noticed without that.
    /// </summary>
    public static readonly TimeSpan SignInRetryAfter = TimeSpan.FromHours(6);

    /// <summary>Longer than any poll takes (pages × request timeout); a poller that died frees the service after it.</summary>
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(5);

    /// <summary>However often the service fails, it is asked again within the hour.</summary>
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(1);

    /// <summary>
    /// The furthest a <c>RateLimit-Reset</c> is believed: Bluesky's longest window (sign-ins per
    /// day) resets within a day, so a later date is a wrong header, which must not park the poller for longer.
    /// </summary>
    private static readonly TimeSpan LongestRateLimitWait = TimeSpan.FromDays(1);

    /// <summary>A timer run this much of PollSeconds early still reads: ticks a few milliseconds early must not skip a period.</summary>
    private const double EarlyRunAllowance = 0.1;

    /// <summary>Requests kept in hand when the rate limit runs low: the rest of a backlog waits for its reset.</summary>
    private const int SpareRequests = 1;

    /// <summary>Reads the new posts if Bluesky is configured and due; returns how many went on the queue.</summary>
    public async Task<int> PollIfDueAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Bluesky.CanSignIn)
        {
            return 0;
        }

        var (checkpoint, etag) = await checkpoints.ReadAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var settingsKey = checkpoints.SettingsKey();
        if (checkpoint.SignInRefused is { } refused && refused.SettingsKey == settingsKey && now < refused.RetryAt)
        {
            return 0; // the same settings Bluesky refused: no request until they change or the wait is over
        }

        if (!checkpoint.IsDue(now))
        {
            return 0;
        }

        // The claim is a write like any other: of two pollers that read this checkpoint, one wins it.
        var claimed = checkpoint with { ClaimedUntil = now + ClaimTime, NextPollAt = now + TimeSpan.FromSeconds(options.Value.PollSeconds * (1 - EarlyRunAllowance)) };
        if (await checkpoints.TrySaveAsync(claimed, etag, cancellationToken) is not { } claimETag)
        {
            return 0;
        }

        var poll = new Poll(claimed, claimETag, now);
        try
        {
            await ReadNewPostsAsync(poll, cancellationToken);
        }
        catch (BlueskyRateLimitedException e)
        {
            var retryAt = e.RetryAt is { } at && at < now + LongestRateLimitWait ? at : now + Backoff(poll.Checkpoint.FailuresInARow + 1);
            logger.LogWarning("Bluesky is rate limiting #{Tag} reads (429): next poll at {RetryAt:O}", options.Value.Tag, retryAt);
            await SaveAsync(poll, poll.Checkpoint with
            {
                ClaimedUntil = null,
                FailuresInARow = poll.Checkpoint.FailuresInARow + 1,
                NextPollAt = Later(poll.Checkpoint.NextPollAt, retryAt),
                LastProblem = $"Rate limited (429) until {retryAt:O}",
            }, cancellationToken);
        }
        catch (BlueskySignInRefusedException e)
        {
            logger.LogError("Bluesky refused to sign in; not tried again until the settings change or {RetryAt:O}: {Reason}", now + SignInRetryAfter, e.Message);
            await SaveAsync(poll, poll.Checkpoint with
            {
                ClaimedUntil = null,
                LastProblem = e.Message,
                SignInRefused = new BlueskySignInRefusal(now, e.Message, settingsKey, now + SignInRetryAfter),
            }, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var failures = poll.Checkpoint.FailuresInARow + 1;
            logger.LogWarning(e, "Reading #{Tag} on Bluesky failed ({Failures} in a row); trying again later", options.Value.Tag, failures);
            await SaveAsync(poll, poll.Checkpoint with
            {
                ClaimedUntil = null,
                FailuresInARow = failures,
                NextPollAt = Later(poll.Checkpoint.NextPollAt, now + Backoff(failures)),
                LastProblem = e.Message,
            }, cancellationToken);
        }

        return poll.Queued;
    }

    private async Task ReadNewPostsAsync(Poll poll, CancellationToken cancellationToken)
    {
        var from = options.Value.PostsFrom(soliday.Value);
        var service = options.Value.Bluesky.ServiceUrl;
        var (newestUri, newestAt) = (poll.Checkpoint.NewestUri, poll.Checkpoint.NewestAt);
        var cursor = poll.Checkpoint.GapCursor;
        var (topUri, topAt) = (poll.Checkpoint.GapNewestUri, poll.Checkpoint.GapNewestAt);
        var nextPollAt = poll.Checkpoint.NextPollAt;

        for (var page = 0; page < options.Value.MaxPagesPerPoll; page++)
        {
            var read = await session.CallAsync((token, ct) => bluesky.SearchPostsAsync(token, cursor, ct), cancellationToken);
            var reachedCheckpoint = false;
            foreach (var view in read.Posts)
            {
                if (BlueskyPostMapper.SortAt(view) is not { } sortAt)
                {
                    continue;
                }

                if (view.Uri == newestUri || sortAt < newestAt)
                {
                    reachedCheckpoint = true; // newest first: every post after it was read by an earlier pass
                    break;
                }

                if (topUri is null)
                {
                    (topUri, topAt) = (view.Uri, sortAt);
                }

                if (sortAt < from)
                {
                    reachedCheckpoint = true; // older than the day before: so is every post after it
                    break;
                }

                await QueueAsync(poll, view, service, cancellationToken);
            }

            var passDone = reachedCheckpoint || read.Posts.Count == 0 || read.Cursor is null;
            cursor = read.Cursor;

            // Saved after every page: a poll cut short by anything goes on from here next time.
            var checkpoint = passDone
                ? poll.Checkpoint with { NewestUri = topUri ?? newestUri, NewestAt = topAt ?? newestAt, GapCursor = null, GapNewestUri = null, GapNewestAt = null }
                : poll.Checkpoint with { GapCursor = cursor, GapNewestUri = topUri, GapNewestAt = topAt };
            if (!await SaveAsync(poll, checkpoint, cancellationToken))
            {
                return;
            }

            if (read.Remaining <= SpareRequests && read.ResetsAt is { } reset)
            {
                nextPollAt = Later(nextPollAt, reset < poll.StartedAt + LongestRateLimitWait ? reset : poll.StartedAt + LongestRateLimitWait);
                break;
            }

            if (passDone)
            {
                break;
            }
        }

        await SaveAsync(poll, poll.Checkpoint with
        {
            ClaimedUntil = null,
            NextPollAt = nextPollAt,
            FailuresInARow = 0,
            LastPolledAt = poll.StartedAt,
            LastProblem = null,
            SignInRefused = null,
        }, cancellationToken);
        if (poll.Queued > 0)
        {
            logger.LogInformation("Queued {Count} new #{Tag} post(s) from Bluesky", poll.Queued, options.Value.Tag);
        }
    }

    private async Task QueueAsync(Poll poll, BlueskyPostView view, Uri service, CancellationToken cancellationToken)
    {
        if (BlueskyPostMapper.ToPost(view, service) is not { } post)
        {
            logger.LogInformation("A Bluesky search result is not a post Soliday can take (no valid at:// URI or time)");
            return;
        }

        if (blockList.IsBlocked(post.Author))
        {
            logger.LogInformation("A Bluesky post ignored: its author is on the block list");
            return;
        }

        await queue.SendAsync(post, cancellationToken);
        poll.Queued++;
    }

    /// <summary>Writes the checkpoint over the poll's own last version; false (and the poll stops) if another poller took the service over.</summary>
    private async Task<bool> SaveAsync(Poll poll, BlueskyCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (await checkpoints.TrySaveAsync(checkpoint, poll.ETag, cancellationToken) is not { } etag)
        {
            logger.LogWarning("Another poller took over Bluesky; this one stops");
            return false;
        }

        (poll.Checkpoint, poll.ETag) = (checkpoint, etag);
        return true;
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(options.Value.PollSeconds * Math.Pow(2, Math.Min(failures, 20)), LongestBackoff.TotalSeconds));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>One poll: the checkpoint as last written by it, and what it queued.</summary>
    private sealed class Poll(BlueskyCheckpoint checkpoint, ETag etag, DateTimeOffset startedAt)
    {
        public DateTimeOffset StartedAt { get; } = startedAt;
        public BlueskyCheckpoint Checkpoint { get; set; } = checkpoint;
        public ETag ETag { get; set; } = etag;
        public int Queued { get; set; }
    }
}
