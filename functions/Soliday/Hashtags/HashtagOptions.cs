using Soliday.Entries;
using Soliday.Hashtags.Bluesky;
using Soliday.Submissions;

namespace Soliday.Hashtags;

/// <summary>Taking in #Soliday posts from Mastodon and the webhook, bound from the <c>Hashtags</c> configuration section.</summary>
public sealed class HashtagOptions
{
    public const string Section = "Hashtags";

    /// <summary>The hashtag read from Mastodon and Bluesky, without the #.</summary>
    public string Tag { get; set; } = "soliday";

    public MastodonOptions Mastodon { get; set; } = new();

    /// <summary>The account Bluesky's search is read with; unset, Bluesky is not read.</summary>
    public BlueskyOptions Bluesky { get; set; } = new();

    /// <summary>
    /// When the poll timer runs (NCRONTAB with seconds, or a TimeSpan), read by the trigger itself
    /// as <c>%Hashtags:PollSchedule%</c>; bound here only so the start-up log can say it.
    /// </summary>
    public string PollSchedule { get; set; } = HashtagTriggers.DefaultPollSchedule;

    /// <summary>
    /// The least time between two reads of one server (a run up to a tenth early still reads it,
    /// so a timer firing a moment early does not skip a whole period), and the first wait after a
    /// failure, doubled at each failure in a row. Matches the default schedule's minute.
    /// </summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>The secret senders sign webhook posts with (HMAC-SHA256). Unset: the webhook refuses everything.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Only for tests against a fake server on this machine: lets media and Mastodon servers be
    /// fetched from loopback addresses, over plain HTTP too. Logged loudly at start when on. Never
    /// lets a redirect reach loopback, nor any request reach a private or link-local address.
    /// </summary>
    public bool AllowLoopbackMedia { get; set; }

    /// <summary>
    /// Accounts whose posts are ignored: <c>@name@server</c> (or <c>name@server</c>), or a bare
    /// server name (<c>spam.example</c>) for every account there. Matched without regard to case.
    /// </summary>
    public List<string> BlockedAccounts { get; set; } = [];

    /// <summary>
    /// The licence posts from elsewhere are shown under: the one the campaign's published terms
    /// state. Their authors chose none here, so by default: with permission, rights remain theirs.
    /// </summary>
    public string Licence { get; set; } = Licences.WithPermission.Id;

    /// <summary>
    /// Posts older than this are not taken, so last year's #Soliday does not flood this year's
    /// curators. Unset: from the start of the day before <see cref="SolidayOptions.Day"/>.
    /// </summary>
    public DateTimeOffset? IgnorePostsBefore { get; set; }

    /// <summary>How long one photo's download may take, redirects included.</summary>
    public TimeSpan MediaTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request to a Mastodon server or to Bluesky may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Pages (of up to 40 posts) read from one server in one poll; a longer backlog is read on in
    /// the next polls, from where this one stopped, so nothing in between is skipped.
    /// </summary>
    public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>
    /// Posts from one author taken in an hour (counted by the hour they arrive, UTC); the rest are
    /// set aside for a person to look at, never dropped. Ten: a keen resident posting through their
    /// day sends a few an hour; more is a bot or a flood, which would bury everyone else's posts in the
    /// curators' queue.
    /// </summary>
    public int MaxPostsPerAuthorPerHour { get; set; } = 10;

    /// <summary>
    /// Posts from one server (the author's home server) taken in an hour; the rest are set aside
    /// likewise. 200: well beyond what #Soliday brings from any one server in an hour, and about what
    /// a few curators can look at in one, so a hostile server with many accounts cannot flood them.
    /// </summary>
    public int MaxPostsPerServerPerHour { get; set; } = 200;

    /// <summary>The moment before which posts are not taken: <see cref="IgnorePostsBefore"/>, or the start of the day before the day.</summary>
    public DateTimeOffset PostsFrom(SolidayOptions soliday)
    {
        if (IgnorePostsBefore is { } configured)
        {
            return configured;
        }

        var dayBefore = soliday.Day.AddDays(-1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(dayBefore, soliday.Zone.GetUtcOffset(dayBefore));
    }

    /// <summary>The configured servers, each with its access token if it has one.</summary>
    public IReadOnlyList<MastodonServer> MastodonServers() =>
        [.. Mastodon.Servers.Select((url, i) => new MastodonServer(
            new Uri(url.TrimEnd('/') + "/"),
            i < Mastodon.AccessTokens.Count && Mastodon.AccessTokens[i] is { Length: > 0 } token ? token : null))];
}

/// <summary>The Mastodon servers whose #Soliday timeline is read (<c>Hashtags:Mastodon</c>).</summary>
public sealed class MastodonOptions
{
    /// <summary>Base URLs, e.g. <c>https://mastodon.social</c> (env <c>Hashtags__Mastodon__Servers__0</c>).</summary>
    public List<string> Servers { get; set; } = [];

    /// <summary>
    /// Optional, for servers whose hashtag timeline needs signing in: the token for
    /// <c>Servers:N</c> is <c>AccessTokens:N</c> (empty for none). A secret: keep it in Key Vault.
    /// </summary>
    public List<string> AccessTokens { get; set; } = [];
}
