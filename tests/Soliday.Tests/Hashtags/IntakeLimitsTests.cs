using Microsoft.Extensions.Options;
using Soliday.Hashtags;
using Soliday.Submissions;
using Soliday.Tests.Support;
using Soliday.Web;

namespace Soliday.Tests.Hashtags;

/// <summary>The hourly limits on posts from one author and one server, counted in a real Azurite.</summary>
public sealed class IntakeLimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset TenPast = new(2026, 6, 20, 9, 10, 0, TimeSpan.Zero);

    public Task InitializeAsync() => azurite.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Posts_counted_at_once_from_many_instances_let_exactly_the_limit_through()
    {
        var limits = Limits(perAuthor: 10, perServer: 1000);
        var posts = Enumerable.Range(0, 40).Select(i => (Post: Post("@flood@spam.example", i), Id: $"{i:x32}")).ToList();

        var decisions = await Task.WhenAll(posts.Select(p => limits.CountAsync(p.Post, p.Id, CancellationToken.None)));

        Assert.Equal(10, decisions.Count(d => d is null));
        Assert.All(decisions.Where(d => d is not null), d => Assert.Equal(IntakeLimits.AuthorCode, d!.Code));
    }

    [Fact]
    public async Task A_post_tried_again_keeps_its_place_and_one_over_the_limit_stays_over_it()
    {
        var limits = Limits(perAuthor: 3, perServer: 1000);
        var ids = Enumerable.Range(0, 4).Select(i => $"{i:x32}").ToList();
        foreach (var id in ids)
        {
            await limits.CountAsync(Post("@alice@mastodon.example", 0), id, CancellationToken.None);
        }

        var secondAgain = await limits.CountAsync(Post("@alice@mastodon.example", 0), ids[1], CancellationToken.None);
        var fourthAgain = await limits.CountAsync(Post("@alice@mastodon.example", 0), ids[3], CancellationToken.None);

        Assert.Null(secondAgain); // its queue message failed later and came back: still taken in
        Assert.Equal(IntakeLimits.AuthorCode, fourthAgain!.Code);
        Assert.Null(await Limits(perAuthor: 3, perServer: 1000, TenPast.AddHours(1)).CountAsync(Post("@alice@mastodon.example", 0), ids[3], CancellationToken.None)); // the next hour counts afresh
    }

    [Fact]
    public async Task One_server_is_limited_across_its_authors_and_an_author_over_their_own_limit_uses_none_of_its_places()
    {
        var limits = Limits(perAuthor: 2, perServer: 5);
        var results = new List<IntakeLimitRefusal?>();
        var n = 0;
        foreach (var author in new[] { "@noisy@busy.example", "@a@busy.example", "@b@busy.example", "@c@busy.example" })
        {
            for (var i = 0; i < 4; i++)
            {
                results.Add(await limits.CountAsync(Post(author, i), $"{n++:x32}", CancellationToken.None));
            }
        }

        var other = await limits.CountAsync(Post("@d@quiet.example", 0), $"{n:x32}", CancellationToken.None);

        Assert.Equal(5, results.Count(r => r is null)); // noisy 2, a 2, b 1: the server's five
        Assert.Equal(2, results.Take(4).Count(r => r is null)); // noisy's two extra posts did not use the server's places
        Assert.Equal(IntakeLimits.ServerCode, results[9]!.Code); // b's second post: the server's sixth
        Assert.Contains("busy.example", results[9]!.Reason);
        Assert.Equal(IntakeLimits.ServerCode, results[12]!.Code); // c's first post
        Assert.Null(other); // another server is counted apart
    }

    [Theory]
    [InlineData("@Alice@Mastodon.Example", null, "https://mastodon.example/@alice/1", "alice@mastodon.example", "mastodon.example")]
    [InlineData("alice@mastodon.example", null, "https://other.example/@alice/1", "alice@mastodon.example", "mastodon.example")]
    [InlineData("@carol.bsky.example", "https://bsky.app/profile/carol.bsky.example", "https://bsky.app/profile/carol.bsky.example/post/3k", "carol.bsky.example", "bsky.app")]
    [InlineData(null, null, "https://blog.example/posts/1", "carol", "blog.example")]
    public void An_author_and_their_server_are_read_the_same_way_whichever_way_the_post_came(string? handle, string? profile, string url, string author, string server)
    {
        var post = Post(handle, 0) with { Url = url, Author = new PostAuthor("Carol", handle, profile) };

        Assert.Equal(author, IntakeLimits.AuthorOf(post));
        Assert.Equal(server, IntakeLimits.ServerOf(post));
    }

    private IntakeLimits Limits(int perAuthor, int perServer, DateTimeOffset? now = null) => new(
        azurite.Blobs,
        new TokenSigner(new byte[32]),
        Options.Create(new HashtagOptions { MaxPostsPerAuthorPerHour = perAuthor, MaxPostsPerServerPerHour = perServer }),
        new FixedClock(now ?? TenPast));

    private static HashtagPost Post(string? handle, int n) => new()
    {
        Source = SubmissionSources.Mastodon,
        Url = $"https://mastodon.example/@someone/{n}",
        CreatedAt = TenPast,
        Text = "A morning in Solihull #Soliday",
        Author = new PostAuthor("Someone", handle),
    };
}
