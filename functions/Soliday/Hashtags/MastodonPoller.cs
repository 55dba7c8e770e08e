using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;

namespace Soliday.Hashtags;

/// <summary>
/// Reads the hashtag timeline of every configured Mastodon server that is due, and puts each new
/// post on the <c>hashtag-posts</c> queue. Both hosts run it from a timer (one timer for all
/// servers: a Functions timer is declared at build time, while servers are configuration; each
/// server keeps its own checkpoint, schedule and backoff, so they behave as one timer each, and one
/// slow server never holds up another). A poll claims the server's checkpoint first (ETag), so two
/// pollers never read the same server at once; a post read twice all the same is one entry, as its
/// submission id comes from its address.
/// </summary>
public sealed class MastodonPoller(
    MastodonClient mastodon,
    PollCheckpoints checkpoints,
    HashtagPostQueue queue,
    AuthorBlockList blockList,
    IOptions<HashtagOptions> options,
    IOptions<SolidayOptions> soliday,
    TimeProvider clock,
    ILogger<MastodonPoller> logger)
{
    /// <summary>Longer than any poll takes (pages × request timeout); a poller that died frees the server after it.</summary>
    private static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(5);

    /// <summary>However often a server fails, it is asked again within the hour.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>A timer run this much of PollSeconds early still reads a server: ticks a few milliseconds early must not skip a period.</summary>
    private const double EarlyRunAllowance = 0.1;

    /// <summary>Requests kept in hand when a server's rate limit runs low: the rest of a backlog waits for its reset.</summary>
    private const int SpareRequests = 1;

    /// <summary>A server's own date, but no later than <see cref="LongestWait"/>: a wrong header must not park it for days.</summary>
    private static DateTimeOffset Within(DateTimeOffset at, DateTimeOffset start) => at < start + LongestWait ? at : start + LongestWait;

    public async Task PollDueServersAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(options.Value.MastodonServers().Select(async server =>
        {
            try
            {
                await PollIfDueAsync(server, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(e, "Polling {Server} failed", server);
            }
        }));
    }

    /// <summary>Reads the server's new posts if it is due; returns how many went on the queue.</summary>
    public async Task<int> PollIfDueAsync(MastodonServer server, CancellationToken cancellationToken)
    {
        var (checkpoint, etag) = await checkpoints.ReadAsync(server, cancellationToken);
        var now = clock.GetUtcNow();
        if (!checkpoint.IsDue(now))
        {
            return 0;
        }

        // The claim is a write like any other: of two pollers that read this checkpoint, one wins it.
        var claimed = checkpoint with { ClaimedUntil = now + ClaimTime, NextPollAt = now + TimeSpan.FromSeconds(options.Value.PollSeconds * (1 - EarlyRunAllowance)) };
        if (await checkpoints.TrySaveAsync(server, claimed, etag, cancellationToken) is not { } claimETag)
        {
            return 0;
        }

        var poll = new Poll(server, claimed, claimETag, now);
        try
        {
            await ReadNewPostsAsync(poll, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var failures = poll.Checkpoint.FailuresInARow + 1;
            logger.LogWarning(e, "Reading #{Tag} on {Server} failed ({Failures} in a row); trying again later", options.Value.Tag, server, failures);
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
        var (server, start) = (poll.Server, poll.StartedAt);
        var from = options.Value.PostsFrom(soliday.Value);
        var sinceId = poll.Checkpoint.SinceId;
        var maxId = poll.Checkpoint.GapMaxId;
        var top = poll.Checkpoint.GapTopId;
        var nextPollAt = poll.Checkpoint.NextPollAt;

        for (var page = 0; page < options.Value.MaxPagesPerPoll; page++)
        {
            var read = await mastodon.ReadTagTimelineAsync(server, sinceId, maxId, cancellationToken);
            if (read.Limit.Exceeded)
            {
                var failures = poll.Checkpoint.FailuresInARow + 1;
                var retryAt = Within(read.Limit.RetryAt ?? start + Backoff(failures), start);
                logger.LogWarning("{Server} is rate limiting #{Tag} reads (429): next poll at {RetryAt:O}", server, options.Value.Tag, retryAt);
                await SaveAsync(poll, poll.Checkpoint with
                {
                    ClaimedUntil = null,
                    FailuresInARow = failures,
                    NextPollAt = Later(nextPollAt, retryAt),
                    LastProblem = $"Rate limited (429) until {retryAt:O}",
                }, cancellationToken);
                return;
            }

            var statuses = read.Statuses.Where(s => s.Id is { Length: > 0 }).ToList();
            top ??= MastodonIds.Newest(statuses.Select(s => s.Id!));
            var reachedOldPosts = false;
            foreach (var status in statuses)
            {
                // A server that ignores since_id or max_id sends posts outside the range asked: never taken twice.
                if (!MastodonIds.IsNewer(status.Id!, sinceId) || (maxId is not null && !MastodonIds.IsNewer(maxId, status.Id!)))
                {
                    continue;
                }

                if (status.CreatedAt < from)
                {
                    reachedOldPosts = true; // newest first: every post after it is older still
                    continue;
                }

                await QueueAsync(poll, status, cancellationToken);
            }

            var passDone = statuses.Count == 0 || read.NextMaxId is null || reachedOldPosts || statuses.Any(s => !MastodonIds.IsNewer(s.Id!, sinceId));
            if (!passDone)
            {
                maxId = read.NextMaxId ?? MastodonIds.Oldest(statuses.Select(s => s.Id!));
            }

            // Saved after every page: a poll cut short by anything goes on from here next time.
            var checkpoint = passDone
                ? poll.Checkpoint with { SinceId = top ?? sinceId, GapMaxId = null, GapTopId = null }
                : poll.Checkpoint with { GapMaxId = maxId, GapTopId = top };
            if (!await SaveAsync(poll, checkpoint, cancellationToken))
            {
                return;
            }

            if (read.Limit.Remaining <= SpareRequests && read.Limit.ResetsAt is { } reset)
            {
                nextPollAt = Later(nextPollAt, Within(reset, start)); // what is left waits for the reset, from where this pass stopped
                break;
            }

            if (passDone)
            {
                break;
            }
        }

        await SaveAsync(poll, poll.Checkpoint with { ClaimedUntil = null, NextPollAt = nextPollAt, FailuresInARow = 0, LastPolledAt = start, LastProblem = null }, cancellationToken);
        if (poll.Queued > 0)
        {
            logger.LogInformation("Queued {Count} new #{Tag} post(s) from {Server}", poll.Queued, options.Value.Tag, server);
        }
    }

    private async Task QueueAsync(Poll poll, MastodonStatus status, CancellationToken cancellationToken)
    {
        if (MastodonPostMapper.ToPost(status, poll.Server) is not { } post)
        {
            logger.LogInformation("Status {StatusId} on {Server} is not a post Soliday can take (a boost, not public, or no address)", status.Id, poll.Server);
            return;
        }

        if (blockList.IsBlocked(post.Author))
        {
            logger.LogInformation("Status {StatusId} on {Server} ignored: its author is on the block list", status.Id, poll.Server);
            return;
        }

        await queue.SendAsync(post, cancellationToken);
        poll.Queued++;
    }

    /// <summary>Writes the checkpoint over the poll's own last version; false (and the poll stops) if another poller took the server over.</summary>
    private async Task<bool> SaveAsync(Poll poll, PollCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (await checkpoints.TrySaveAsync(poll.Server, checkpoint, poll.ETag, cancellationToken) is not { } etag)
        {
            logger.LogWarning("Another poller took over {Server}; this one stops", poll.Server);
            return false;
        }

        (poll.Checkpoint, poll.ETag) = (checkpoint, etag);
        return true;
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromSeconds(Math.Min(options.Value.PollSeconds * Math.Pow(2, Math.Min(failures, 20)), LongestWait.TotalSeconds));

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>One poll of one server: the checkpoint as last written by it, and what it queued.</summary>
    private sealed class Poll(MastodonServer server, PollCheckpoint checkpoint, ETag etag, DateTimeOffset startedAt)
    {
        public MastodonServer Server { get; } = server;
        public DateTimeOffset StartedAt { get; } = startedAt;
        public PollCheckpoint Checkpoint { get; set; } = checkpoint;
        public ETag ETag { get; set; } = etag;
        public int Queued { get; set; }
    }
}
