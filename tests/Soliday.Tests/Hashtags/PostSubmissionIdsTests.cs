using Soliday.Hashtags;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Tests.Hashtags;

/// <summary>A post's submission id comes from its address: the same post from anywhere is one entry.</summary>
public sealed class PostSubmissionIdsTests
{
    [Fact]
    public void The_same_address_spelt_differently_is_the_same_post()
    {
        var ids = new PostSubmissionIds(new TokenSigner(new byte[32]));

        var a = ids.For(Post("https://Mastodon.Example:443/@alice/110/"));
        var b = ids.For(Post("https://mastodon.example/@alice/110#replies"));
        var other = ids.For(Post("https://mastodon.example/@alice/111"));

        Assert.Equal(a, b);
        Assert.NotEqual(a, other);
        Assert.True(SubmissionId.IsValid(a));
    }

    private static HashtagPost Post(string url) => new()
    {
        Source = "mastodon",
        Url = url,
        CreatedAt = new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero),
        Text = "Hello #Soliday",
        Author = new PostAuthor("Alice", "@alice@mastodon.example"),
    };
}
