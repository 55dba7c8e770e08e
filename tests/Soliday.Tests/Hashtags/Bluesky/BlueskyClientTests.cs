using Microsoft.Extensions.DependencyInjection;
using Soliday.Hashtags.Bluesky;
using Soliday.Testing;

namespace Soliday.Tests.Hashtags.Bluesky;

/// <summary>Bluesky's XRPC API as the client and its session speak it, against a fake service on loopback.</summary>
public sealed class BlueskyClientTests : IAsyncLifetime
{
    private FakeBluesky _service = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _service = await FakeBluesky.StartAsync();
        _services = HashtagServices.Build(new()
        {
            ["Hashtags:AllowLoopbackMedia"] = "true",
            ["Hashtags:Bluesky:Service"] = _service.Address,
            ["Hashtags:Bluesky:Handle"] = FakeBluesky.AccountHandle,
            ["Hashtags:Bluesky:AppPassword"] = FakeBluesky.AccountPassword,
        });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task Search_asks_for_the_tag_newest_first_and_pages_with_the_cursor()
    {
        _service.PageSize = 2;
        var first = _service.Post("One #Soliday", createdAt: DateTimeOffset.UtcNow.AddMinutes(-3));
        var second = _service.Post("Two #Soliday", createdAt: DateTimeOffset.UtcNow.AddMinutes(-2));
        var third = _service.Post("Three #Soliday", createdAt: DateTimeOffset.UtcNow.AddMinutes(-1));

        var page = await Session().CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None);
        var older = await Session().CallAsync((token, ct) => Client().SearchPostsAsync(token, page.Cursor, ct), CancellationToken.None);

        Assert.Equal([third.Uri, second.Uri], page.Posts.Select(p => p.Uri));
        Assert.Equal([first.Uri], older.Posts.Select(p => p.Uri));
        Assert.Null(older.Cursor);
        var search = _service.Searches[0];
        Assert.Equal("#soliday", search.Parameter("q"));
        Assert.Equal("soliday", search.Parameter("tag"));
        Assert.Equal("latest", search.Parameter("sort"));
        Assert.Equal("100", search.Parameter("limit"));
        Assert.Equal(page.Cursor, _service.Searches[1].Parameter("cursor"));
        Assert.Equal(2999, page.Remaining);
    }

    [Fact]
    public async Task One_sign_in_serves_every_call_until_the_token_expires_then_the_session_is_refreshed_not_signed_in_again()
    {
        var session = Session();
        await session.CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None);
        await session.CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None);

        _service.ExpireAccessTokens();
        await session.CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None);

        Assert.Equal(
            ["com.atproto.server.createSession:200", "app.bsky.feed.searchPosts:200", "app.bsky.feed.searchPosts:200",
             "app.bsky.feed.searchPosts:400", "com.atproto.server.refreshSession:200", "app.bsky.feed.searchPosts:200"],
            _service.Requests.Select(r => $"{r.Method}:{r.StatusCode}"));
        Assert.NotEqual(_service.Requests[1].Token, _service.Requests[^1].Token);
    }

    [Fact]
    public async Task When_the_refresh_token_has_expired_too_the_session_signs_in_again()
    {
        var session = Session();
        await session.CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None);
        _service.ExpireAccessTokens();
        _service.ExpireRefreshTokens();

        var page = await session.CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal(
            ["com.atproto.server.createSession:200", "app.bsky.feed.searchPosts:200", "app.bsky.feed.searchPosts:400",
             "com.atproto.server.refreshSession:400", "com.atproto.server.createSession:200", "app.bsky.feed.searchPosts:200"],
            _service.Requests.Select(r => $"{r.Method}:{r.StatusCode}"));
    }

    [Fact]
    public async Task A_refused_app_password_says_why_without_the_password()
    {
        _service.Password = "a-new-password-soliday-does-not-have";

        var refused = await Assert.ThrowsAsync<BlueskySignInRefusedException>(() =>
            Session().CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None));

        Assert.Contains("Bluesky refused to sign in as soliday-reader.bsky.social (401 AuthenticationRequired: Invalid identifier or password)", refused.Message);
        Assert.DoesNotContain(FakeBluesky.AccountPassword, refused.Message);
        Assert.DoesNotContain(_service.Requests, r => r.Method == "app.bsky.feed.searchPosts");
    }

    [Fact]
    public async Task A_429_says_when_to_come_back_from_its_RateLimit_Reset()
    {
        _service.AnswerTooManyRequests(times: 1, resetInSeconds: 120);
        var before = DateTimeOffset.UtcNow;

        var limited = await Assert.ThrowsAsync<BlueskyRateLimitedException>(() =>
            Session().CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None));

        Assert.InRange(limited.RetryAt!.Value, before.AddSeconds(118), DateTimeOffset.UtcNow.AddSeconds(121));
    }

    [Fact]
    public async Task After_a_429_no_request_at_all_is_sent_until_its_reset()
    {
        var session = Session();
        await session.CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None);
        _service.AnswerTooManyRequests(times: 1, resetInSeconds: 120);
        await Assert.ThrowsAsync<BlueskyRateLimitedException>(() => session.CallAsync((token, ct) => Client().SearchPostsAsync(token, null, ct), CancellationToken.None));
        var sent = _service.Requests.Count;

        var again = await Assert.ThrowsAsync<BlueskyRateLimitedException>(() =>
            session.CallAsync((token, ct) => Client().PostExistsAsync(token, BlueskyPostUri.Parse("at://did:plc:abc/app.bsky.feed.post/3k")!, ct), CancellationToken.None));

        Assert.Equal(sent, _service.Requests.Count);
        Assert.True(again.RetryAt > DateTimeOffset.UtcNow.AddSeconds(100));
    }

    [Fact]
    public async Task A_deleted_post_is_not_among_what_getPosts_answers()
    {
        var kept = _service.Post("Still here #Soliday");
        var deleted = _service.Post("Thought better of it #Soliday");
        _service.Delete(deleted);
        var session = Session();

        Assert.True(await session.CallAsync((token, ct) => Client().PostExistsAsync(token, BlueskyPostUri.Parse(kept.Uri)!, ct), CancellationToken.None));
        Assert.False(await session.CallAsync((token, ct) => Client().PostExistsAsync(token, BlueskyPostUri.Parse(deleted.Uri)!, ct), CancellationToken.None));
    }

    private BlueskyClient Client() => _services.GetRequiredService<BlueskyClient>();

    private BlueskySession Session() => _services.GetRequiredService<BlueskySession>();
}
