using Microsoft.Extensions.Options;
using Soliday.Hashtags;
using Soliday.Hashtags.Bluesky;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Tests.Hashtags.Bluesky;

/// <summary>A Bluesky post is one entry whichever way it came: its identity is its at:// URI, not the handle in its address.</summary>
public sealed class BlueskyPostUriTests
{
    private const string AtUri = "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3l6oveex3ii2l";

    [Fact]
    public void An_at_uri_and_a_bsky_app_address_naming_the_DID_are_the_same_post()
    {
        var fromUri = BlueskyPostUri.Parse(AtUri);
        var fromWeb = BlueskyPostUri.FromWebUrl("https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3l6oveex3ii2l");

        Assert.NotNull(fromUri);
        Assert.Equal(fromUri, fromWeb);
        Assert.Equal("https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l", fromUri!.WebUrl("bsky.app"));
        Assert.Null(BlueskyPostUri.FromWebUrl("https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l")); // a handle may change hands
    }

    [Fact]
    public void The_poller_and_a_webhook_sender_giving_the_at_uri_make_the_same_submission_id()
    {
        var ids = new PostSubmissionIds(new TokenSigner(new byte[32]));
        var polled = Post("https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l", AtUri);
        var pushedWithId = Post("https://bsky.app/profile/old-handle.example/post/3l6oveex3ii2l", AtUri);
        var pushedWithDidAddress = Post("https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3l6oveex3ii2l", id: null);
        var another = Post("https://bsky.app/profile/bsky.app/post/3l6oveex3ii2m", AtUri[..^1] + "m");

        Assert.Equal(ids.For(polled), ids.For(pushedWithId));
        Assert.Equal(ids.For(polled), ids.For(pushedWithDidAddress));
        Assert.NotEqual(ids.For(polled), ids.For(another));
    }

    [Fact]
    public void A_Mastodon_post_keeps_the_identity_of_its_address()
    {
        var post = Post("https://mastodon.example/@alice/110000000000000000", "110000000000000000");

        Assert.Equal("https://mastodon.example/@alice/110000000000000000", PostSubmissionIds.Identity(post));
    }

    private static HashtagPost Post(string url, string? id) => new()
    {
        Source = "bluesky",
        Url = url,
        PostId = id,
        CreatedAt = DateTimeOffset.UnixEpoch.AddYears(56),
        Text = "",
        Author = new PostAuthor("Bluesky", "@bsky.app"),
    };
}
