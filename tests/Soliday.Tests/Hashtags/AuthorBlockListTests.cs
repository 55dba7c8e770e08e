using Microsoft.Extensions.Options;
using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

public sealed class AuthorBlockListTests
{
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
}
