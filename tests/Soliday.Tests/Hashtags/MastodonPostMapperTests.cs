using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags;

/// <summary>A Mastodon status, in the API's shape, as the post Soliday takes in.</summary>
public sealed class MastodonPostMapperTests
{
    private static readonly MastodonServer Server = new(new Uri("https://mastodon.example/"), AccessToken: null);

    [Fact]
    public void The_credit_is_the_display_name_and_the_full_handle()
    {
        var post = MastodonPostMapper.ToPost(Status() with { Account = new() { Username = "priya", Acct = "priya", DisplayName = "Priya from Shirley", Url = "https://mastodon.example/@priya" } }, Server)!;

        Assert.Equal("Priya from Shirley (@priya@mastodon.example)", post.Credit());
        Assert.Equal("https://mastodon.example/@priya", post.Author.Url);
    }

    [Fact]
    public void An_account_from_another_server_keeps_its_own_server_in_the_handle()
    {
        var post = MastodonPostMapper.ToPost(Status() with { Account = new() { Username = "tom", Acct = "tom@social.example", DisplayName = "" } }, Server)!;

        Assert.Equal("tom (@tom@social.example)", post.Credit());
    }

    [Fact]
    public void Images_come_with_their_descriptions_and_other_media_are_left_out()
    {
        var post = MastodonPostMapper.ToPost(Status() with
        {
            MediaAttachments =
            [
                new() { Type = "image", Url = "https://files.mastodon.example/1.jpg", Description = "A heron on the Blythe" },
                new() { Type = "video", Url = "https://files.mastodon.example/2.mp4", Description = "A video" },
                new() { Type = "image", Url = null, RemoteUrl = "https://files.social.example/3.jpg", Description = "  " },
            ],
        }, Server)!;

        Assert.Equal([new PostMedia("https://files.mastodon.example/1.jpg", "A heron on the Blythe"), new PostMedia("https://files.social.example/3.jpg", null)], post.Media);
    }

    [Fact]
    public void At_most_four_images_make_one_entry()
    {
        var post = MastodonPostMapper.ToPost(Status() with
        {
            MediaAttachments = [.. Enumerable.Range(1, 6).Select(i => new MastodonAttachment { Type = "image", Url = $"https://files.mastodon.example/{i}.jpg" })],
        }, Server)!;

        Assert.Equal(4, post.Media.Count);
    }

    [Fact]
    public void The_text_is_the_statuss_HTML_as_plain_text_and_its_content_warning_is_kept()
    {
        var post = MastodonPostMapper.ToPost(Status() with { Content = "<p>Tea at the library<br>#<span>Soliday</span></p>", SpoilerText = "food" }, Server)!;

        Assert.Equal("Tea at the library\n#Soliday", post.Text);
        Assert.Equal("food", post.ContentWarning);
        Assert.Equal("mastodon", post.Source);
        Assert.Equal("https://mastodon.example", post.Server);
        Assert.Equal("110", post.PostId);
    }

    [Fact]
    public void A_status_whose_web_address_is_not_http_falls_back_to_its_ActivityPub_id()
    {
        var post = MastodonPostMapper.ToPost(Status() with { Url = "javascript:alert(1)", Uri = "https://mastodon.example/users/alice/statuses/110" }, Server)!;

        Assert.Equal("https://mastodon.example/users/alice/statuses/110", post.Url);
    }

    [Fact]
    public void Boosts_posts_that_are_not_public_and_statuses_without_an_address_are_not_posts()
    {
        Assert.Null(MastodonPostMapper.ToPost(Status() with { Reblog = Status() }, Server));
        Assert.Null(MastodonPostMapper.ToPost(Status() with { Visibility = "private" }, Server));
        Assert.Null(MastodonPostMapper.ToPost(Status() with { Url = null, Uri = "tag:mastodon.example,2026:110" }, Server));
        Assert.Null(MastodonPostMapper.ToPost(Status() with { CreatedAt = null }, Server));
    }

    [Fact]
    public void Every_post_the_mapper_makes_passes_the_posts_own_check()
    {
        var post = MastodonPostMapper.ToPost(Status() with { Content = new string('x', 10_000), Account = new() { Acct = new string('a', 500), DisplayName = new string('n', 500) } }, Server)!;

        Assert.Empty(post.Check());
    }

    private static MastodonStatus Status() => new()
    {
        Id = "110",
        Url = "https://mastodon.example/@alice/110",
        Uri = "https://mastodon.example/users/alice/statuses/110",
        CreatedAt = new DateTimeOffset(2026, 6, 20, 9, 30, 0, TimeSpan.Zero),
        Content = "<p>Hello #Soliday</p>",
        Visibility = "public",
        Account = new() { Username = "alice", Acct = "alice", DisplayName = "Alice" },
        MediaAttachments = [],
    };
}
