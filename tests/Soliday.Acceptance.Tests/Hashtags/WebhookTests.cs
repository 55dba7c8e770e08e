using System.Net;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary><c>POST /api/hooks/posts</c>: posts pushed by other services, signed with the shared secret.</summary>
[Collection(HashtagHostCollection.Name)]
public sealed class WebhookTests(HashtagHost hashtags)
{
    private SolidayHost Host => hashtags.Host;

    [Fact]
    public async Task A_correctly_signed_post_is_accepted_and_becomes_an_entry_with_its_photo()
    {
        var server = hashtags.SeenTwice;
        server.ServeImage("sunset.jpg", Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"));
        var post = Post("3kwebhook1", "Sunset over Tudor Grange #Soliday", media: [new { url = server.MediaUrl("sunset.jpg"), description = "An orange sky over the park" }]);

        using var response = await Host.Http.SendAsync(SignedPost.Of(post, HashtagHost.WebhookSecret).ToRequest());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var entry = await Host.Curator.WaitForQueueAsync(id);
        Assert.Equal("Sunset over Tudor Grange #Soliday", entry["caption"]!.GetValue<string>());
        Assert.Equal("bluesky", entry["source"]!.GetValue<string>());
        Assert.Equal("Carol (@carol.bsky.example)", entry["credit"]!.GetValue<string>());
        Assert.Equal(1, entry["photoCount"]!.GetValue<int>());
        Assert.Equal("An orange sky over the park", (await Host.RecordAsync(id))["photos"]![0]!["alt"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_signed_request_sent_again_is_refused_as_a_replay()
    {
        var signed = SignedPost.Of(Post("3kreplay", "Once only #Soliday"), HashtagHost.WebhookSecret);

        using var first = await Host.Http.SendAsync(signed.ToRequest());
        using var again = await Host.Http.SendAsync(signed.ToRequest());

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("used before", (await again.ProblemAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_signed_with_another_secret_or_changed_after_signing_is_refused()
    {
        var wrongSecret = SignedPost.Of(Post("3kbad1", "Forged #Soliday"), "not-the-secret-the-host-was-given-at-all");
        var signed = SignedPost.Of(Post("3kbad2", "Original words #Soliday"), HashtagHost.WebhookSecret);
        var tampered = signed with { Body = signed.Body.Replace("Original words", "Other words", StringComparison.Ordinal) };

        foreach (var request in new[] { wrongSecret, tampered })
        {
            using var response = await Host.Http.SendAsync(request.ToRequest());
            await AssertRefusedAsync(response);
        }
    }

    [Fact]
    public async Task A_post_signed_more_than_five_minutes_ago_is_refused()
    {
        var old = SignedPost.Of(Post("3kold", "Yesterday's news #Soliday"), HashtagHost.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-6));

        using var response = await Host.Http.SendAsync(old.ToRequest());

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task A_post_without_a_signature_or_a_timestamp_is_refused()
    {
        var signed = SignedPost.Of(Post("3knone", "Unsigned #Soliday"), HashtagHost.WebhookSecret);

        foreach (var request in new[] { signed with { Signature = "" }, signed with { Timestamp = "" } })
        {
            using var response = await Host.Http.SendAsync(request.ToRequest());
            await AssertRefusedAsync(response);
        }
    }

    [Fact]
    public async Task A_signed_post_that_breaks_the_contract_gets_400_naming_the_field()
    {
        var signed = SignedPost.Of(Post("3kbroken", "Too many photos #Soliday", media: [.. Enumerable.Range(0, 5).Select(i => new { url = $"https://cdn.bsky.example/{i}.jpg", description = "A photo" })]), HashtagHost.WebhookSecret);

        using var response = await Host.Http.SendAsync(signed.ToRequest());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ProblemAsync())["errors"]!["media"]);
    }

    [Fact]
    public async Task The_same_post_read_by_the_poller_and_pushed_to_the_webhook_is_one_entry()
    {
        var server = hashtags.SeenTwice;

        // The poller first, then the webhook.
        var status = server.Post("<p>Seen twice #Soliday</p>", username: "dora", displayName: "Dora");
        var polled = await Host.Curator.WaitForPostAsync(server.StatusUrl(status));
        using (var pushed = await Host.Http.SendAsync(SignedPost.Of(Post(status.Id, "Seen twice #Soliday", url: server.StatusUrl(status), source: "mastodon"), HashtagHost.WebhookSecret).ToRequest()))
        {
            Assert.Equal(HttpStatusCode.Accepted, pushed.StatusCode);
            Assert.Equal(polled["id"]!.GetValue<string>(), JsonNode.Parse(await pushed.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        // The webhook first, then the poller.
        var unlisted = server.PostUnlisted("<p>Pushed, then polled #Soliday</p>", username: "dora", displayName: "Dora");
        using var early = await Host.Http.SendAsync(SignedPost.Of(Post(unlisted.Id, "Pushed, then polled #Soliday", url: server.StatusUrl(unlisted), source: "fedi-bridge"), HashtagHost.WebhookSecret).ToRequest());
        var pushedId = JsonNode.Parse(await early.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await Host.Curator.WaitForQueueAsync(pushedId);
        server.List(unlisted);
        await SolidayApi.EventuallyAsync(() => Task.FromResult(server.TimelineRequests.Any(r => r.Parameter("since_id") == unlisted.Id)), "the poller has read past the post");
        await Host.WaitForPostQueueToEmptyAsync();

        var first = Assert.Single(await Host.Curator.EntriesFromAsync(server.StatusUrl(status)));
        var second = Assert.Single(await Host.Curator.EntriesFromAsync(server.StatusUrl(unlisted)));
        Assert.Equal("mastodon", first["source"]!.GetValue<string>());
        Assert.Equal(pushedId, second["id"]!.GetValue<string>());
        Assert.Equal("fedi-bridge", second["source"]!.GetValue<string>()); // the first to arrive made the entry
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Not a signed post", (await response.ProblemAsync())["title"]!.GetValue<string>());
        Assert.Equal("Soliday-Signature", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    private static object Post(string id, string text, object[]? media = null, string? url = null, string source = "bluesky") => new
    {
        source,
        id,
        url = url ?? $"https://bsky.example/profile/carol.bsky.example/post/{id}",
        createdAt = DateTimeOffset.UtcNow.AddMinutes(-2),
        text,
        author = new { name = "Carol", handle = "@carol.bsky.example", url = "https://bsky.example/profile/carol.bsky.example" },
        media = media ?? [],
    };
}
