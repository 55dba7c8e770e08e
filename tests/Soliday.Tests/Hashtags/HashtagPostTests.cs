using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

/// <summary>The queue message's own bounds: what any post, from Mastodon or the webhook, must keep to.</summary>
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
