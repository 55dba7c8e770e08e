namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// Where the poller is in one Bluesky service's search results for the hashtag. The search gives
/// posts newest first, so a poll pages down from the newest post until it meets the newest post of
/// the last pass (<see cref="NewestUri"/>, or anything older than <see cref="NewestAt"/>); a pass cut
/// short (page limit, rate limit, failure) keeps its cursor in <see cref="GapCursor"/> and the next
/// poll goes on from there, so no post between two polls is skipped, however many arrived.
/// </summary>
public sealed record BlueskyCheckpoint
{
    /// <summary>The newest post every post up to which has been put on the queue, and the moment the search orders it by.</summary>
    public string? NewestUri { get; init; }
    public DateTimeOffset? NewestAt { get; init; }

    /// <summary>Set while a pass is unfinished: the cursor of the next page to read.</summary>
    public string? GapCursor { get; init; }

    /// <summary>The newest post of the unfinished pass: <see cref="NewestUri"/> once the pass is done.</summary>
    public string? GapNewestUri { get; init; }
    public DateTimeOffset? GapNewestAt { get; init; }

    /// <summary>Not polled before this: <see cref="HashtagOptions.PollSeconds"/> after the last poll, or when the rate limit resets.</summary>
    public DateTimeOffset NextPollAt { get; init; }

    /// <summary>A poller is reading the service until then; another leaves it alone. A poller that died frees it by this time.</summary>
    public DateTimeOffset? ClaimedUntil { get; init; }

    /// <summary>Failed polls in a row: the wait before the next one doubles with each.</summary>
    public int FailuresInARow { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    /// <summary>What went wrong last, for whoever reads the blob; null after a good poll.</summary>
    public string? LastProblem { get; init; }

    /// <summary>Set when Bluesky refused the handle and app password: not tried again until the settings change or the wait is over.</summary>
    public BlueskySignInRefusal? SignInRefused { get; init; }

    /// <summary>Another poll may start now: due, and not claimed by a poller still at work.</summary>
    public bool IsDue(DateTimeOffset now) => now >= NextPollAt && (ClaimedUntil is not { } claimed || now >= claimed);
}

/// <summary>
/// A refused sign-in: when, Bluesky's reason, and which settings it refused (a keyed hash of the
/// service, handle and app password, never the password), so new settings are tried at once.
/// </summary>
public sealed record BlueskySignInRefusal(DateTimeOffset At, string Reason, string SettingsKey, DateTimeOffset RetryAt);
