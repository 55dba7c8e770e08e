namespace Soliday.Hashtags;

/// <summary>
/// Where the poller is in one server's hashtag timeline. Posts are read newest first, so a poll
/// pages down from the newest post towards <see cref="SinceId"/>; a pass cut short (page limit,
/// rate limit, failure) keeps its place in <see cref="GapMaxId"/> and the next poll goes on
/// from there, so no post between two polls is skipped, however many arrived.
/// </summary>
public sealed record PollCheckpoint
{
    /// <summary>Every post up to this id has been put on the queue.</summary>
    public string? SinceId { get; init; }

    /// <summary>Set while a pass is unfinished: the posts older than this (and newer than <see cref="SinceId"/>) are still to read.</summary>
    public string? GapMaxId { get; init; }

    /// <summary>The newest post of the unfinished pass: <see cref="SinceId"/> once the pass is done.</summary>
    public string? GapTopId { get; init; }

    /// <summary>Not polled before this: <see cref="HashtagOptions.PollSeconds"/> after the last poll, or when the server's rate limit allows.</summary>
    public DateTimeOffset NextPollAt { get; init; }

    /// <summary>A poller is reading the server until then; another leaves it alone. A poller that died frees it by this time.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>Failed or rate-limited polls in a row: the wait before the next one doubles with each.</summary>
    public int FailuresInARow { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    /// <summary>What went wrong last, for whoever reads the blob; null after a good poll.</summary>
    public string? LastProblem { get; init; }

    /// <summary>Another poll may start now: due, and not claimed by a poller still at work.</summary>
    public bool IsDue(DateTimeOffset now) => now >= NextPollAt && (ClaimedUntil is not { } claimed || now >= claimed);
}
