using Microsoft.Extensions.DependencyInjection;
using Soliday.Hashtags;
using Soliday.Testing;

namespace Soliday.Tests.Hashtags;

/// <summary>Mastodon's REST API as the client reads it, from a fake server speaking its documented shape.</summary>
public sealed class MastodonClientTests : IAsyncLifetime
{
    private FakeMastodon _server = null!;
    private ServiceProvider _services = null!;

    private MastodonServer Server => new(_server.BaseUrl, AccessToken: null);

    public async Task InitializeAsync()
    {
        _server = await FakeMastodon.StartAsync();
        _services = HashtagServices.Build(new() { ["Hashtags:AllowLoopbackMedia"] = "true" });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_page_comes_newest_first_with_the_next_pages_max_id_from_the_Link_header()
    {
        _server.PageSize = 2;
        var first = _server.Post("<p>One</p>");
        var second = _server.Post("<p>Two</p>", media: new FakeAttachment(_server.MediaUrl("2.jpg"), "A bench"));
        var third = _server.Post("<p>Three</p>");

        var page = await Client().ReadTagTimelineAsync(Server, sinceId: null, maxId: null, CancellationToken.None);

        Assert.Equal([third.Id, second.Id], page.Statuses.Select(s => s.Id));
        Assert.Equal(second.Id, page.NextMaxId);
        Assert.Equal(299, page.Limit.Remaining);
        var read = page.Statuses[1];
        Assert.Equal("<p>Two</p>", read.Content);
        Assert.Equal("alice", read.Account!.Acct);
        Assert.Equal("A bench", read.MediaAttachments!.Single().Description);
        Assert.Equal(second.CreatedAt.ToUnixTimeMilliseconds(), read.CreatedAt!.Value.ToUnixTimeMilliseconds());

        var older = await Client().ReadTagTimelineAsync(Server, sinceId: null, maxId: page.NextMaxId, CancellationToken.None);
        Assert.Equal([first.Id], older.Statuses.Select(s => s.Id));
    }

    [Fact]
    public async Task Since_id_and_max_id_are_sent_as_the_API_names_them()
    {
        var first = _server.Post("<p>One</p>");
        var second = _server.Post("<p>Two</p>");
        var third = _server.Post("<p>Three</p>");

        var page = await Client().ReadTagTimelineAsync(Server, sinceId: first.Id, maxId: third.Id, CancellationToken.None);

        Assert.Equal([second.Id], page.Statuses.Select(s => s.Id));
        var request = _server.TimelineRequests[^1];
        Assert.Equal("/api/v1/timelines/tag/soliday", request.Path);
        Assert.Equal(first.Id, request.Parameter("since_id"));
        Assert.Equal(third.Id, request.Parameter("max_id"));
        Assert.Equal("40", request.Parameter("limit"));
    }

    [Fact]
    public async Task A_429_says_when_to_come_back_from_its_Retry_After()
    {
        _server.AnswerTooManyRequests(times: 1, retryAfterSeconds: 7);
        var before = DateTimeOffset.UtcNow;

        var page = await Client().ReadTagTimelineAsync(Server, null, null, CancellationToken.None);

        Assert.True(page.Limit.Exceeded);
        Assert.Empty(page.Statuses);
        Assert.InRange(page.Limit.RetryAt!.Value, before.AddSeconds(6), DateTimeOffset.UtcNow.AddSeconds(8));
    }

    [Fact]
    public async Task A_deleted_status_is_known_to_be_gone()
    {
        var status = _server.Post("<p>Soon gone</p>");

        Assert.True(await Client().StatusExistsAsync(Server, status.Id, CancellationToken.None));
        _server.Delete(status);
        Assert.False(await Client().StatusExistsAsync(Server, status.Id, CancellationToken.None));
    }

    [Theory]
    [InlineData("<https://m.example/api/v1/timelines/tag/soliday?max_id=109>; rel=\"next\", <https://m.example/api/v1/timelines/tag/soliday?min_id=120>; rel=\"prev\"", "109")]
    [InlineData("<https://m.example/api/v1/timelines/tag/soliday?min_id=120>; rel=\"prev\"", null)]
    [InlineData("<https://m.example/x?limit=40&max_id=7>;rel=next", "7")]
    [InlineData("garbage", null)]
    public void The_next_page_is_read_from_the_Link_header(string header, string? maxId)
    {
        Assert.Equal(maxId, LinkHeader.NextMaxId([header]));
    }

    private MastodonClient Client() => _services.GetRequiredService<MastodonClient>();
}
