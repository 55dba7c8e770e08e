using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags.Bluesky;

/// <summary>
/// Soliday.Local reading #Soliday from a fake Bluesky service on loopback, signed in with the
/// fake's account: polled every second, two pages a poll, the webhook's secret set, loopback media
/// allowed (as only a test may), and a 1 MB photo limit. The tests share the service's search
/// results, so each follows its own posts.
/// </summary>
public sealed class BlueskyHost : IAsyncLifetime
{
    public const long MaxUploadBytes = 1024 * 1024;

    public FakeBluesky Service { get; private set; } = null!;

    public SolidayHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Service = await FakeBluesky.StartAsync();
        Host = await SolidayHost.StartAsync(Settings(Service, FakeBluesky.AccountPassword));
    }

    /// <summary>The settings of a host reading <paramref name="service"/> with <paramref name="appPassword"/>.</summary>
    public static Dictionary<string, string> Settings(FakeBluesky service, string appPassword)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        return new Dictionary<string, string>
        {
            ["Soliday__Day"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Hashtags__Bluesky__Service"] = service.Address,
            ["Hashtags__Bluesky__Handle"] = FakeBluesky.AccountHandle,
            ["Hashtags__Bluesky__AppPassword"] = appPassword,
            ["Hashtags__AllowLoopbackMedia"] = "true",
            ["Hashtags__PollSeconds"] = "1",
            ["Timers__Tick"] = "00:00:01",
            ["Hashtags__MaxPagesPerPoll"] = "2",
            ["Hashtags__WebhookSecret"] = HashtagHost.WebhookSecret,
            ["Hashtags__BlockedAccounts__0"] = "@spammer.bsky.social",
            ["Hashtags__MaxPostsPerAuthorPerHour"] = "1000",
            ["Hashtags__MaxPostsPerServerPerHour"] = "1000",
            ["Imaging__MaxUploadBytes"] = $"{MaxUploadBytes}",
        };
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Service.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BlueskyHostCollection : ICollectionFixture<BlueskyHost>
{
    public const string Name = "Soliday.Local reading Bluesky";
}
