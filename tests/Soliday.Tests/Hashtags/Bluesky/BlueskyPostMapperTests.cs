using System.Text.Json;
using Soliday.Hashtags;
using Soliday.Hashtags.Bluesky;
using Soliday.Testing;

namespace Soliday.Tests.Hashtags.Bluesky;

/// <summary>A Bluesky post, in the shape the fake service writes (the AppView's postView), as the post Soliday takes in.</summary>
public sealed class BlueskyPostMapperTests
{
    private static readonly Uri Service = new("https://bsky.social/");

    [Fact]
    public void The_credit_is_the_display_name_and_handle_and_the_link_is_the_posts_page_on_bsky_app()
    {
        var skeet = Skeet("A bench in Malvern Park #Soliday", handle: "Priya.Example.org", displayName: "Priya from Shirley");

        var post = Map(skeet);

        Assert.Equal("bluesky", post.Source);
        Assert.Equal("Priya from Shirley (@priya.example.org)", post.Credit());
        Assert.Equal($"https://bsky.app/profile/priya.example.org/post/{skeet.RecordKey}", post.Url);
        Assert.Equal("https://bsky.app/profile/priya.example.org", post.Author.Url);
        Assert.Equal(skeet.Uri, post.PostId);
        Assert.Equal(skeet.CreatedAt.ToUnixTimeMilliseconds(), post.CreatedAt.ToUnixTimeMilliseconds());
        Assert.Equal("https://bsky.social", post.Server);
    }

    [Fact]
    public void Images_come_with_their_alt_text_and_an_image_without_alt_has_no_description()
    {
        var post = Map(Skeet("Two photos #Soliday", images: [new FakeBlueskyImage("https://cdn.bsky.app/img/feed_fullsize/plain/a@jpeg", "A heron on the Blythe"), new FakeBlueskyImage("https://cdn.bsky.app/img/feed_fullsize/plain/b@jpeg", "  ")]));

        Assert.Equal([new PostMedia("https://cdn.bsky.app/img/feed_fullsize/plain/a@jpeg", "A heron on the Blythe"), new PostMedia("https://cdn.bsky.app/img/feed_fullsize/plain/b@jpeg", null)], post.Media);
    }

    [Fact]
    public void A_shortened_link_is_written_out_in_full_and_mentions_and_tags_read_as_written()
    {
        const string Text = "Tea with @bob.bsky.social at café.example/menu... #Soliday";
        var start = System.Text.Encoding.UTF8.GetByteCount(Text[..Text.IndexOf("café", StringComparison.Ordinal)]);
        var end = start + System.Text.Encoding.UTF8.GetByteCount("café.example/menu...");
        var post = Map(Skeet(Text) with { Links = [new FakeLink(start, end, "https://café.example/menu/summer-2026")] });

        Assert.Equal("Tea with @bob.bsky.social at https://café.example/menu/summer-2026 #Soliday", post.Text);
    }

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(5, 500)]
    [InlineData(10, 4)]
    [InlineData(13, 14)] // inside the two bytes of é
    public void A_facet_that_does_not_fit_the_text_leaves_the_text_as_written(int start, int end)
    {
        var post = Map(Skeet("Lunch at café #Soliday") with { Links = [new FakeLink(start, end, "https://evil.example/")] });

        Assert.Equal("Lunch at café #Soliday", post.Text);
    }

    [Fact]
    public void Markup_in_a_post_is_text_and_control_characters_are_gone()
    {
        var post = Map(Skeet("<script>alert(1)</script>\u0007 <b>bold</b> #Soliday", displayName: "<img src=x onerror=alert(2)>"));

        Assert.Equal("<script>alert(1)</script> <b>bold</b> #Soliday", post.Text);
        Assert.Equal("<img src=x onerror=alert(2)> (@alice.bsky.social)", post.Credit());
    }

    [Fact]
    public void The_authors_self_labels_and_moderation_labels_are_carried_for_the_curators_and_a_label_taken_back_is_not()
    {
        var skeet = Skeet("After the match #Soliday") with
        {
            SelfLabels = ["nudity", "!no-unauthenticated"],
            Labels = [new FakeLabel("did:plc:ar7c4by46qjdydhdevvrndac", "graphic-media"), new FakeLabel("did:plc:mod", "porn"), new FakeLabel("did:plc:mod", "porn", Neg: true)],
        };

        var labels = Map(skeet).Labels;

        Assert.Equal(
        [
            "nudity (set by its author)",
            "!no-unauthenticated (its author asked that their posts not be shown to people who are not signed in to Bluesky)",
            "graphic-media (set by the moderation service did:plc:ar7c4by46qjdydhdevvrndac)",
        ], labels);
        Assert.DoesNotContain(Map(skeet with { SelfLabels = [] }).Labels, l => l.Contains("porn", StringComparison.Ordinal));
    }

    [Fact]
    public void Hundreds_of_labels_are_cut_to_the_posts_bounds()
    {
        var skeet = Skeet("Labelled to death #Soliday") with { Labels = [.. Enumerable.Range(0, 500).Select(i => new FakeLabel($"did:plc:mod{i}", new string('x', 1000)))] };

        var post = Map(skeet);

        Assert.Equal(HashtagPost.MaxLabels, post.Labels.Count);
        Assert.Empty(post.Check());
    }

    [Theory]
    [InlineData("https://bsky.app/profile/alice/post/1")]
    [InlineData("at://did:plc:abc/app.bsky.feed.like/3k")]
    [InlineData("at://alice.bsky.social/app.bsky.feed.post/3k")]
    [InlineData("at://did:plc:abc/app.bsky.feed.post/../x")]
    public void A_result_without_the_at_uri_of_a_post_is_not_taken(string uri)
    {
        var view = View(Skeet("Odd #Soliday")) with { Uri = uri };

        Assert.Null(BlueskyPostMapper.ToPost(view, Service));
    }

    [Fact]
    public void An_author_with_an_invalid_handle_is_credited_by_their_DID()
    {
        var skeet = Skeet("Who am I #Soliday", displayName: null);
        var view = View(skeet) with { Author = new BlueskyAuthor(skeet.Did, "handle.invalid\u0000<x>", null) };

        var post = BlueskyPostMapper.ToPost(view, Service)!;

        Assert.Equal(skeet.Did, post.Credit());
        Assert.Equal($"https://bsky.app/profile/{skeet.Did}/post/{skeet.RecordKey}", post.Url);
    }

    private static FakeSkeet Skeet(string text, string handle = "alice.bsky.social", string? displayName = "Alice Example", FakeBlueskyImage[]? images = null) =>
        new("3kfake0000001", handle, displayName, text, new DateTimeOffset(2026, 6, 20, 9, 30, 0, TimeSpan.Zero), images ?? []);

    private static BlueskyPostView View(FakeSkeet skeet) =>
        JsonSerializer.Deserialize<BlueskyPostView>(skeet.ToJson().ToJsonString(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static HashtagPost Map(FakeSkeet skeet) => BlueskyPostMapper.ToPost(View(skeet), Service)!;
}
