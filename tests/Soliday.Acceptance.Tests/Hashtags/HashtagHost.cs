using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>
/// Soliday.Local with hashtag ingestion on: a fake Mastodon server per scenario, each polled every
/// second, the webhook's secret set, loopback media allowed (as only a test may), and a 1 MB photo
/// limit so "too large" is cheap to send. Each test owns its server's timeline.
/// </summary>
public sealed class HashtagHost : IAsyncLifetime
{
    public const string WebhookSecret = "a-long-shared-secret-only-the-tests-and-the-host-know";
    public const long MaxUploadBytes = 1024 * 1024;

    private FakeMastodon[] _servers = [];

    public SolidayHost Host { get; private set; } = null!;

    public FakeMastodon Paging => _servers[0];
    public FakeMastodon RateLimited => _servers[1];
    public FakeMastodon Deleting => _servers[2];
    public FakeMastodon Media => _servers[3];
    public FakeMastodon Markup => _servers[4];
    public FakeMastodon SeenTwice => _servers[5];
    public FakeMastodon Blocking => _servers[6];

    public async Task InitializeAsync()
    {
        _servers = await Task.WhenAll(Enumerable.Range(0, 7).Select(_ => FakeMastodon.StartAsync()));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        var settings = new Dictionary<string, string>
        {
            ["Soliday__Day"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Hashtags__AllowLoopbackMedia"] = "true",
            ["Hashtags__PollSeconds"] = "1",

            // The poll timer's schedule is a setting: each second here, so a poll due each second is not held back.
            ["Hashtags__PollSchedule"] = "* * * * * *",

            // Two pages a poll: a backlog longer than that must be read on by the next poll, from where this one stopped.
            ["Hashtags__MaxPagesPerPoll"] = "2",
            ["Hashtags__WebhookSecret"] = WebhookSecret,
            ["Hashtags__BlockedAccounts__0"] = "@spammer@127.0.0.1",

            // Every fake server is 127.0.0.1 and most posts are Alice's: the hourly limits are tested on a host of their own (IntakeLimitHost).
            ["Hashtags__MaxPostsPerAuthorPerHour"] = "1000",
            ["Hashtags__MaxPostsPerServerPerHour"] = "1000",
            ["Imaging__MaxUploadBytes"] = $"{MaxUploadBytes}",

            // A failed message is tried again after a second, not ten: the poison test waits for five tries.
            ["Queues__VisibilityTimeout"] = "00:00:01",

            // A published post is asked after at its source every two seconds, not six hours: the test of a post deleted later waits for it.
            ["Curation__SourceCheckEvery"] = "00:00:02",
        };
        for (var i = 0; i < _servers.Length; i++)
        {
            settings[$"Hashtags__Mastodon__Servers__{i}"] = _servers[i].Address;
        }

        Host = await SolidayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class HashtagHostCollection : ICollectionFixture<HashtagHost>
{
    public const string Name = "Soliday.Local with hashtags";
}
