using Microsoft.Extensions.Options;
using Soliday.Hashtags;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Tests.Hashtags;

public sealed class HashtagPostTests
{
    [Fact]
    public void A_well_formed_post_has_no_problems()
    {
        Assert.Empty(Post().Check());
    }

    [Theory]
    [InlineData("source", "Blue Sky")]
    [InlineData("url", "javascript:alert(1)")]
    [InlineData("url", "/relative")]
    [InlineData("text", null)]
    public void A_post_that_breaks_its_bounds_names_the_field(string field, string? value)
    {
        var post = field switch
        {
            "source" => Post() with { Source = value! },
            "url" => Post() with { Url = value! },
            _ => Post() with { Text = new string('x', HashtagPost.MaxTextLength + 1) },
        };

        Assert.Contains(field, post.Check().Keys);
    }

    [Fact]
    public void More_than_four_photos_or_a_photo_without_a_web_address_is_refused()
    {
        Assert.Contains("media", (Post() with { Media = [.. Enumerable.Repeat(new PostMedia("https://x.example/1.jpg"), 5)] }).Check().Keys);
        Assert.Contains("media", (Post() with { Media = [new PostMedia("file:///etc/passwd")] }).Check().Keys);
    }

    [Fact]
    public void The_same_address_spelt_differently_is_the_same_post()
    {
        var ids = new PostSubmissionIds(new TokenSigner(Options.Create(new SubmissionOptions { SigningKey = Convert.ToBase64String(new byte[32]) })));

        var a = ids.For(Post() with { Url = "https://Mastodon.Example:443/@alice/110/" });
        var b = ids.For(Post() with { Url = "https://mastodon.example/@alice/110#replies" });
        var other = ids.For(Post() with { Url = "https://mastodon.example/@alice/111" });

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.True(SubmissionId.IsValid(a));
    }

    [Theory]
    [InlineData("@spammer@mastodon.example", true)]
    [InlineData("SPAMMER@Mastodon.Example", true)]
    [InlineData("@alice@spam.example", true)]
    [InlineData("@alice@mastodon.example", false)]
    [InlineData("@spammer@other.example", false)]
    public void Authors_on_the_block_list_are_recognised_by_handle_or_by_server(string handle, bool blocked)
    {
        var list = new AuthorBlockList(Options.Create(new HashtagOptions { BlockedAccounts = ["@spammer@mastodon.example", "spam.example"] }));

        Assert.Equal(blocked, list.IsBlocked(new PostAuthor("Someone", handle)));
    }

    [Fact]
    public void Ids_are_ordered_as_numbers_not_as_text()
    {
        Assert.True(MastodonIds.IsNewer("110000000000001000", "109999999999999999"));
        Assert.True(MastodonIds.IsNewer("10", "9"));
        Assert.False(MastodonIds.IsNewer("9", "10"));
        Assert.False(MastodonIds.IsNewer("110", "110"));
        Assert.True(MastodonIds.IsNewer("1", null));
        Assert.Equal("300", MastodonIds.Newest(["20", "300", "100"]));
        Assert.Equal("20", MastodonIds.Oldest(["300", "20", "100"]));
    }

    private static HashtagPost Post() => new()
    {
        Source = "bluesky",
        Url = "https://bsky.example/profile/alice/post/1",
        PostId = "1",
        CreatedAt = new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero),
        Text = "Hello #Soliday",
        Author = new PostAuthor("Alice", "@alice.bsky.example"),
        Media = [new PostMedia("https://cdn.bsky.example/1.jpg", "A bench in the sun")],
    };
}
