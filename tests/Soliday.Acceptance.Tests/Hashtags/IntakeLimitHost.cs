using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>
/// Soliday.Local with small hourly limits on hashtag posts (3 an author, 4 a server), so going over
/// them is cheap, and a host of its own, so no other test's posts count towards them.
/// </summary>
public sealed class IntakeLimitHost : IAsyncLifetime
{
    public const int PerAuthor = 3;
    public const int PerServer = 4;

    public FakeMastodon Mastodon { get; private set; } = null!;

    public SolidayHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Mastodon = await FakeMastodon.StartAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        Host = await SolidayHost.StartAsync(new Dictionary<string, string>
        {
            ["Soliday__Day"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Hashtags__AllowLoopbackMedia"] = "true",
            ["Hashtags__PollSeconds"] = "1",

            // The poll timer fires each second instead of at its 15 s schedule, so a poll due each second is not held back.
            ["Timers__Tick"] = "00:00:01",
            ["Hashtags__WebhookSecret"] = HashtagHost.WebhookSecret,
            ["Hashtags__Mastodon__Servers__0"] = Mastodon.Address,
            ["Hashtags__MaxPostsPerAuthorPerHour"] = $"{PerAuthor}",
            ["Hashtags__MaxPostsPerServerPerHour"] = $"{PerServer}",
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Mastodon.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IntakeLimitHostCollection : ICollectionFixture<IntakeLimitHost>
{
    public const string Name = "Soliday.Local with small hashtag limits";
}
