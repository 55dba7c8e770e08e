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
    /// Every 15 seconds (NCRONTAB with seconds). The timer only looks at each server's checkpoint;
    /// a server is read when <see cref="HashtagOptions.PollSeconds"/> have passed since its last
    /// poll (or its rate-limit wait is over), so this is the resolution of PollSeconds, not its value.
    /// </summary>
    public const string PollSchedule = "*/15 * * * * *";
}
