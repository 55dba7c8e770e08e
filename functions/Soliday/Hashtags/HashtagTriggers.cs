namespace Soliday.Hashtags;

/// <summary>
/// The names and schedule of the hashtag triggers, shared by the Functions app and Soliday.Local so
/// the parity tests can hold the two to the same set.
/// </summary>
public static class HashtagTriggers
{
    /// <summary>The timer that reads every configured Mastodon server that is due.</summary>
    public const string PollMastodon = "PollMastodon";

    /// <summary>The timer that reads Bluesky's search for the hashtag, when Bluesky is configured.</summary>
    public const string PollBluesky = "PollBluesky";

    /// <summary>The queue trigger that turns a post into a submission.</summary>
    public const string IngestPost = "IngestHashtagPost";

    /// <summary>The webhook's HTTP trigger.</summary>
    public const string ReceivePost = "ReceiveHashtagPost";

    /// <summary>
    /// The timer's schedule, read from the <c>Hashtags:PollSchedule</c> app setting as the Functions
    /// host reads a <c>%…%</c> expression (Soliday.Local resolves it the same way), so a deployment
    /// chooses how often Mastodon is read without a new build. Each run reads every server that is due.
    /// </summary>
    public const string PollSchedule = "%" + HashtagOptions.Section + ":" + nameof(HashtagOptions.PollSchedule) + "%";

    /// <summary>
    /// Once a minute (NCRONTAB with seconds), on the minute: well inside Mastodon's default limit of
    /// 300 requests in 5 minutes per address even with a few pages a poll, and 1,440 runs a day
    /// instead of the 5,760 of a 15-second tick.
    /// </summary>
    public const string DefaultPollSchedule = "0 * * * * *";
}
