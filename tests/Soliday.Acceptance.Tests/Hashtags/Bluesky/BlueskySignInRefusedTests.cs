using System.Net;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags.Bluesky;

/// <summary>
/// A refused sign-in is said, not hammered: Bluesky's reason on the curation page, "degraded" on
/// /api/health, and no second sign-in with the same settings; new settings are tried at once.
/// </summary>
public sealed class BlueskySignInRefusedTests
{
    /// <summary>Several ticks of the 1-second timer: a poller retrying in a loop would sign in several times.</summary>
    private static readonly TimeSpan SeveralTicks = TimeSpan.FromSeconds(5);

    private const string WrongPassword = "wxyz-wxyz-wxyz-wxyz";

    [Fact]
    public async Task A_refused_app_password_is_shown_to_curators_and_on_health_and_not_retried_until_the_settings_change()
    {
        await using var service = await FakeBluesky.StartAsync();
        var post = service.Post("Waiting for the right password #Soliday");
        await using var host = await SolidayHost.StartAsync(BlueskyHost.Settings(service, WrongPassword));

        await SolidayApi.EventuallyAsync(() => Task.FromResult(service.Requests.Any(r => r.Method == "com.atproto.server.createSession")), "a sign-in");
        await Task.Delay(SeveralTicks);

        // One try, refused; nothing since, and no search without a session.
        Assert.Single(service.Requests, r => r.Method == "com.atproto.server.createSession" && r.StatusCode == 401);
        Assert.DoesNotContain(service.Requests, r => r.Method == "app.bsky.feed.searchPosts");

        var page = await host.CurationPageAsync();
        Assert.Contains("Posts with the hashtag are not being read from Bluesky: Bluesky refused to sign in as soliday-reader.bsky.social (401 AuthenticationRequired: Invalid identifier or password).", page);
        Assert.Contains("role=\"alert\"", page);

        using var response = await host.Http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("degraded", health["status"]!.GetValue<string>());
        Assert.Equal("sign-in-refused", health["sources"]!["bluesky"]!.GetValue<string>());
        Assert.Contains("Bluesky refused the configured handle and app password", health["problems"]![0]!.GetValue<string>());
        Assert.DoesNotContain(WrongPassword, host.Output, StringComparison.Ordinal);

        // A restart with the same settings does not try again either.
        await host.KillAsync();
        await host.RestartAsync();
        await Task.Delay(SeveralTicks);
        Assert.Single(service.Requests, r => r.Method == "com.atproto.server.createSession");

        // The right app password: signed in at once, and the post is read.
        await host.KillAsync();
        await host.RestartAsync(new() { ["Hashtags__Bluesky__AppPassword"] = FakeBluesky.AccountPassword });
        await host.Curator.WaitForPostAsync(post.WebUrl);
        Assert.DoesNotContain("not being read from Bluesky", await host.CurationPageAsync());
    }
}
