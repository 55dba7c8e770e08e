using System.Net;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags.Bluesky;

/// <summary>#Soliday on Bluesky, read by Soliday.Local's poller from a fake service on loopback, through to the curators and the site.</summary>
[Collection(BlueskyHostCollection.Name)]
public sealed class BlueskyPollingTests(BlueskyHost bluesky)
{
    private SolidayHost Host => bluesky.Host;

    private FakeBluesky Service => bluesky.Service;

    [Fact]
    public async Task Posts_with_images_reach_the_curators_with_their_alt_text_and_labels_read_page_by_page_once_each()
    {
        Service.ServeImage("heron.jpg", Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"));
        Service.ServeImage("no-alt.jpg", Corpus.Read("real-exif", "EX__jpg_gps_DSCN0042.jpg"));
        var lastYear = Service.PostUnlisted(Skeet("See you at #Soliday next year!", DateTimeOffset.UtcNow.AddDays(-3)));
        var posts = new List<FakeSkeet>
        {
            Service.PostUnlisted(Skeet("Paging post 1 #Soliday", Recently(0))),
            Service.PostUnlisted(Skeet("A heron on the Blythe #Soliday", Recently(1)) with { Images = [new FakeBlueskyImage(Service.MediaUrl("heron.jpg"), "A grey heron standing in the river")] }),
            Service.PostUnlisted(Skeet("No words for this one #Soliday", Recently(2)) with { Images = [new FakeBlueskyImage(Service.MediaUrl("no-alt.jpg"))] }),
            Service.PostUnlisted(Skeet("After the match #Soliday", Recently(3)) with
            {
                SelfLabels = ["nudity"],
                Labels = [new FakeLabel("did:plc:ar7c4by46qjdydhdevvrndac", "graphic-media")],
            }),
            Service.PostUnlisted(Skeet("Paging post 5 #Soliday", Recently(4))),
        };
        Service.PageSize = 2; // five new posts and an old one: three pages, two a poll
        var searchesBefore = Service.Searches.Count;
        Service.List([lastYear, .. posts]);

        var entries = new List<JsonNode>();
        foreach (var post in posts)
        {
            var entry = await Host.Curator.WaitForPostAsync(post.WebUrl);
            Assert.Equal(post.Text, entry["caption"]!.GetValue<string>());
            Assert.Equal("bluesky", entry["source"]!.GetValue<string>());
            Assert.Equal("Alice Example (@alice.bsky.social)", entry["credit"]!.GetValue<string>());
            entries.Add(entry);
        }

        // Photos, with the author's alt text; a photo without it flagged as for the form.
        Assert.Equal(1, entries[1]["photoCount"]!.GetValue<int>());
        Assert.Equal("A grey heron standing in the river", (await Host.RecordAsync(entries[1]["id"]!.GetValue<string>()))["photos"]![0]!["alt"]!.GetValue<string>());
        Assert.Empty(entries[1].Flags("alt-missing"));
        Assert.Equal(1, entries[2]["photoCount"]!.GetValue<int>());
        Assert.Single(entries[2].Flags("alt-missing"));

        // The author's and a moderation service's labels, as a content warning for the curator.
        var warning = Assert.Single(entries[3].Flags("content-warning"))["message"]!.GetValue<string>();
        Assert.Contains("nudity (set by its author)", warning);
        Assert.Contains("graphic-media (set by the moderation service did:plc:ar7c4by46qjdydhdevvrndac)", warning);
        Assert.Empty(entries[0].Flags("content-warning"));

        // Paged with the cursor; then the checkpoint holds the newest post and later polls stop there.
        Assert.Contains(Service.Searches.Skip(searchesBefore), s => s.Parameter("cursor") is not null);
        await SolidayApi.EventuallyAsync(async () => (await CheckpointAsync())?["newestUri"]?.GetValue<string>() == posts[^1].Uri, "the checkpoint holds the newest post");
        Assert.Null((await CheckpointAsync())!["gapCursor"]);
        var seen = Service.Searches.Count;
        await SolidayApi.EventuallyAsync(() => Task.FromResult(Service.Searches.Skip(seen).Count(s => s.StatusCode == 200 && s.Parameter("cursor") is null) >= 2), "two more polls");
        await Host.WaitForPostQueueToEmptyAsync();
        foreach (var post in posts)
        {
            Assert.Single(await Host.Curator.EntriesFromAsync(post.WebUrl));
        }

        Assert.Empty(await Host.Curator.EntriesFromAsync(lastYear.WebUrl));
        Assert.Single(Service.Requests, r => r.Method == "/media/heron.jpg");

        // A post after the checkpoint is the one new entry.
        var later = Service.Post("Paging post 6 #Soliday");
        await Host.Curator.WaitForPostAsync(later.WebUrl);
    }

    [Fact]
    public async Task An_approved_post_is_published_with_its_photo_and_alt_text_and_a_credit_linking_to_the_post_on_Bluesky()
    {
        Service.ServeImage("lunch.jpg", Corpus.Read("real-exif", "EX__jpg_gps_DSCN0042.jpg"));
        var post = Service.Post(Skeet("Lunch on the green #Soliday", Recently(), handle: "priya.example.org", name: "Priya from Shirley") with
        {
            Images = [new FakeBlueskyImage(Service.MediaUrl("lunch.jpg"), "Sandwiches on a tartan rug in the park")],
        });
        var id = (await Host.Curator.WaitForPostAsync(post.WebUrl))["id"]!.GetValue<string>();

        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        var published = await Host.Http.WaitForStatusAsync(id, "published");

        Assert.Equal("Sandwiches on a tartan rug in the park", published["photos"]![0]!["alt"]!.GetValue<string>());
        var page = await Host.Http.EntryPageAsync(id);
        Assert.Contains("Lunch on the green #Soliday", page);
        Assert.Contains($"<a href=\"https://bsky.app/profile/priya.example.org/post/{post.RecordKey}\" rel=\"ugc nofollow\">Priya from Shirley (@priya.example.org)</a>", page);
        Assert.Contains(Service.Requests, r => r.Method == "app.bsky.feed.getPosts" && r.Parameter("uris") == post.Uri && r.StatusCode == 200);
    }

    [Fact]
    public async Task A_post_its_author_deleted_before_it_was_approved_is_not_published()
    {
        var post = Service.Post(Skeet("I will think better of this #Soliday", Recently(), handle: "bea.bsky.social", name: "Bea"));
        var id = (await Host.Curator.WaitForPostAsync(post.WebUrl))["id"]!.GetValue<string>();

        Service.Delete(post);
        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);

        await Host.Http.WaitForStatusAsync(id, "rejected");
        Assert.Contains("deleted this post", (await Host.RecordAsync(id))["reason"]!.GetValue<string>());
        Assert.DoesNotContain("I will think better of this", await Host.Http.WholeDayTextAsync());
        Assert.Contains(Service.Requests, r => r.Method == "app.bsky.feed.getPosts" && r.Parameter("uris") == post.Uri);
    }

    [Fact]
    public async Task An_expired_session_is_refreshed_and_when_that_expired_too_signed_in_again_with_no_post_lost()
    {
        var before = Service.Requests.Count;
        Service.ExpireAccessTokens();
        var afterRefresh = Service.Post("Read after a refresh #Soliday");
        await Host.Curator.WaitForPostAsync(afterRefresh.WebUrl);
        AssertInOrder(Service.Requests.Skip(before), "app.bsky.feed.searchPosts:400", "com.atproto.server.refreshSession:200", "app.bsky.feed.searchPosts:200");
        Assert.DoesNotContain(Service.Requests.Skip(before), r => r.Method == "com.atproto.server.createSession");

        before = Service.Requests.Count;
        Service.ExpireAccessTokens();
        Service.ExpireRefreshTokens();
        var afterSignIn = Service.Post("Read after signing in again #Soliday");

        await Host.Curator.WaitForPostAsync(afterSignIn.WebUrl);
        AssertInOrder(Service.Requests.Skip(before), "app.bsky.feed.searchPosts:400", "com.atproto.server.refreshSession:400", "com.atproto.server.createSession:200", "app.bsky.feed.searchPosts:200");
    }

    [Fact]
    public async Task A_429_is_waited_out_until_its_RateLimit_Reset()
    {
        Service.AnswerTooManyRequests(times: 1, resetInSeconds: 3);
        var post = Service.Post("Patience at the post office #Soliday");

        await Host.Curator.WaitForPostAsync(post.WebUrl);

        var requests = Service.Requests;
        var limited = requests.Last(r => r.StatusCode == (int)HttpStatusCode.TooManyRequests);
        var next = requests.First(r => r.At > limited.At);

        // RateLimit-Reset is in whole seconds: three seconds ahead is at least two from the request.
        Assert.True(next.At - limited.At >= TimeSpan.FromSeconds(1.9), $"asked again {(next.At - limited.At).TotalSeconds:0.0} s after a 429 that reset in 3 s");
    }

    [Fact]
    public async Task Markup_in_a_post_stays_text_and_photos_that_are_traps_are_refused_with_the_post_kept()
    {
        Service.ServeImage("fine.jpg", Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"));
        Service.ServeImage("bomb.png", HostileImages.PngWith(HostileImages.Chunk("zTXt", [.. "Comment\0\0"u8, .. HostileImages.ZlibBomb(256 * 1024 * 1024)])));
        Service.ServeRedirect("to-metadata.jpg", "https://169.254.169.254/latest/meta-data/iam/security-credentials/");
        var post = Service.Post(Skeet("Tea at the library<script>alert('xss')</script> <img src=x onerror=alert(1)> #Soliday", Recently(), handle: "eve.bsky.social", name: "<img src=x onerror=alert(3)>Eve") with
        {
            Images = [new FakeBlueskyImage(Service.MediaUrl("fine.jpg"), "A reading room"), new FakeBlueskyImage(Service.MediaUrl("bomb.png"), "A picture"), new FakeBlueskyImage(Service.MediaUrl("to-metadata.jpg"), "Another")],
        });

        var entry = await Host.Curator.WaitForPostAsync(post.WebUrl);

        Assert.Equal("Tea at the library<script>alert('xss')</script> <img src=x onerror=alert(1)> #Soliday", entry["caption"]!.GetValue<string>());
        Assert.Equal(1, entry["photoCount"]!.GetValue<int>());
        var refused = entry.Flags("media-refused").Select(f => f["message"]!.GetValue<string>()).ToList();
        Assert.Equal(2, refused.Count);
        Assert.Contains(refused, m => m.Contains("(too-much-metadata)", StringComparison.Ordinal));
        Assert.Contains(refused, m => m.Contains("169.254.169.254", StringComparison.Ordinal));
        var curationPage = await Host.CurationPageAsync();
        Assert.DoesNotContain("<img src=x onerror", curationPage);
        Assert.DoesNotContain("<script>alert('xss')", curationPage);
        Assert.Contains("&lt;img src=x onerror=alert(3)&gt;Eve", curationPage);
    }

    [Fact]
    public async Task The_same_post_pushed_to_the_webhook_and_then_found_by_the_poller_is_one_entry()
    {
        var post = Service.PostUnlisted(Skeet("Pushed, then polled #Soliday", Recently(), handle: "dora.bsky.social", name: "Dora"));
        var pushed = new
        {
            source = "bluesky",
            id = post.Uri,
            url = post.WebUrl,
            createdAt = post.CreatedAt,
            text = post.Text,
            author = new { name = "Dora", handle = "@dora.bsky.social" },
        };
        using var response = await Host.Http.SendAsync(SignedPost.Of(pushed, HashtagHost.WebhookSecret).ToRequest());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pushedId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        await Host.Curator.WaitForQueueAsync(pushedId);

        var searches = Service.Searches.Count;
        Service.List(post);
        await SolidayApi.EventuallyAsync(async () => (await CheckpointAsync())?["newestUri"]?.GetValue<string>() == post.Uri && Service.Searches.Count > searches, "the poller has read the post");
        await Host.WaitForPostQueueToEmptyAsync();

        var entry = Assert.Single(await Host.Curator.EntriesFromAsync(post.WebUrl));
        Assert.Equal(pushedId, entry["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Posts_from_a_blocked_account_are_ignored()
    {
        var spam = Service.Post(Skeet("Cheap watches #Soliday", Recently(), handle: "spammer.bsky.social", name: "Deals"));
        var fine = Service.Post(Skeet("A fine morning in Knowle #Soliday", Recently(), handle: "bob.bsky.social", name: "Bob"));

        await Host.Curator.WaitForPostAsync(fine.WebUrl);
        await Host.WaitForPostQueueToEmptyAsync();

        Assert.Empty(await Host.Curator.EntriesFromAsync(spam.WebUrl));
    }

    [Fact]
    public async Task While_signed_in_the_banner_and_health_say_Bluesky_is_being_read_and_the_password_is_never_printed()
    {
        await SolidayApi.EventuallyAsync(() => Task.FromResult(Service.Searches.Any(s => s.StatusCode == 200)), "a search");

        using var response = await Host.Http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.Equal("reading", health["sources"]!["bluesky"]!.GetValue<string>());
        Assert.Contains("Bluesky:       #soliday, signed in as soliday-reader.bsky.social", Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBluesky.AccountPassword, Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("access-", Host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-", Host.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A second ago, plus <paramref name="order"/> hundredths: newer than every post of the tests
    /// before (the search orders by this time, and the poller stops at the newest it has read), in the order given.
    /// </summary>
    private static DateTimeOffset Recently(int order = 0) => DateTimeOffset.UtcNow.AddSeconds(-1).AddMilliseconds(10 * order);

    private static FakeSkeet Skeet(string text, DateTimeOffset createdAt, string handle = "alice.bsky.social", string? name = "Alice Example") =>
        new("", handle, name, text, createdAt, []);

    /// <summary>The calls happened in this order (others may come between them).</summary>
    private static void AssertInOrder(IEnumerable<FakeXrpcRequest> requests, params string[] expected)
    {
        var seen = requests.Select(r => $"{r.Method}:{r.StatusCode}").ToList();
        var at = 0;
        foreach (var call in seen)
        {
            at += at < expected.Length && call == expected[at] ? 1 : 0;
        }

        Assert.True(at == expected.Length, $"expected {string.Join(", ", expected)} in order; the service saw {string.Join(", ", seen)}");
    }

    private async Task<JsonNode?> CheckpointAsync()
    {
        var blob = Host.Blobs.GetBlobContainerClient("hashtags").GetBlobClient($"checkpoints/bluesky-127.0.0.1-{Service.BaseUrl.Port}.json");
        return await blob.ExistsAsync() ? JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString()) : null;
    }
}
