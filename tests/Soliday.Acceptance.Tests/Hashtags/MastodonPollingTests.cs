using System.Net;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>#Soliday on Mastodon, read by Soliday.Local's poller from fake servers on loopback, through to the curators and the site.</summary>
[Collection(HashtagHostCollection.Name)]
public sealed class MastodonPollingTests(HashtagHost hashtags)
{
    private SolidayHost Host => hashtags.Host;

    [Fact]
    public async Task Posts_are_read_page_by_page_once_each_and_a_second_run_takes_nothing_new()
    {
        var server = hashtags.Paging;
        server.PageSize = 2; // five new posts: three pages, followed by the Link header
        server.ServeImage("bus.jpg", Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"));
        var lastYear = server.PostUnlisted("<p>See you at #Soliday next year!</p>", createdAt: DateTimeOffset.UtcNow.AddDays(-3));
        var posts = Enumerable.Range(1, 5).Select(i => server.PostUnlisted(
            $"<p>Paging post {i} <a href=\"{server.Address}/tags/soliday\" class=\"mention hashtag\" rel=\"tag\">#<span>Soliday</span></a></p>",
            media: i == 3 ? [new FakeAttachment(server.MediaUrl("bus.jpg"), "A red bus on Station Road")] : [])).ToList();
        server.List([lastYear, .. posts]); // all at once: one poll sees all six

        foreach (var post in posts)
        {
            var entry = await Host.Curator.WaitForPostAsync(server.StatusUrl(post));
            Assert.Equal($"Paging post {posts.IndexOf(post) + 1} #Soliday", entry["caption"]!.GetValue<string>());
            Assert.Equal("mastodon", entry["source"]!.GetValue<string>());
            Assert.Equal("Alice Example (@alice@127.0.0.1)", entry["credit"]!.GetValue<string>());
        }

        // Paged by the Link header's max_id, two pages a poll: the third page, below post 2, was read
        // by the next poll from the place the first saved; then the checkpoint moved to the newest post.
        Assert.Contains(server.TimelineRequests, r => r.Parameter("max_id") == posts[3].Id);
        Assert.Contains(server.TimelineRequests, r => r.Parameter("max_id") == posts[1].Id);
        await SolidayApi.EventuallyAsync(async () => (await CheckpointAsync(server))?["sinceId"]?.GetValue<string>() == posts[^1].Id, "the checkpoint holds the newest post");
        Assert.Null((await CheckpointAsync(server))!["gapMaxId"]);

        // Later runs ask only for what is newer than the checkpoint, and take nothing again.
        var seen = server.TimelineRequests.Count;
        await SolidayApi.EventuallyAsync(() => Task.FromResult(server.TimelineRequests.Skip(seen).Count(r => r.Parameter("since_id") == posts[^1].Id && r.StatusCode == 200) >= 2), "two more polls since the newest post");
        await Host.WaitForPostQueueToEmptyAsync();
        foreach (var post in posts)
        {
            Assert.Single(await Host.Curator.EntriesFromAsync(server.StatusUrl(post)));
        }

        Assert.Empty(await Host.Curator.EntriesFromAsync(server.StatusUrl(lastYear)));
        Assert.Single(server.Requests, r => r.Path == "/media/bus.jpg");

        // A post after the checkpoint is the one new entry.
        var later = server.Post("<p>Paging post 6 #Soliday</p>");
        await Host.Curator.WaitForPostAsync(server.StatusUrl(later));
        Assert.Contains(server.TimelineRequests, r => r.Parameter("since_id") == posts[^1].Id);
    }

    [Fact]
    public async Task A_429_is_waited_out_for_as_long_as_its_Retry_After_says()
    {
        var server = hashtags.RateLimited;
        server.AnswerTooManyRequests(times: 1, retryAfterSeconds: 3);
        var post = server.Post("<p>Patience at the post office #Soliday</p>");

        await Host.Curator.WaitForPostAsync(server.StatusUrl(post));

        var requests = server.TimelineRequests;
        var limited = requests.First(r => r.StatusCode == (int)HttpStatusCode.TooManyRequests);
        var next = requests.First(r => r.At > limited.At);
        Assert.True(next.At - limited.At >= TimeSpan.FromSeconds(2.9), $"asked again {(next.At - limited.At).TotalSeconds:0.0} s after a 429 that said 3 s");
        await SolidayApi.EventuallyAsync(async () => (await CheckpointAsync(server))?["failuresInARow"]?.GetValue<int>() is null or 0, "the checkpoint forgets the 429 after a good poll");
    }

    [Fact]
    public async Task An_approved_post_is_published_with_its_photo_its_description_and_a_credit_linking_to_the_post()
    {
        var server = hashtags.Deleting;
        server.ServeImage("lunch.jpg", Corpus.Read("real-exif", "EX__jpg_gps_DSCN0042.jpg"));
        var post = server.Post("<p>Lunch on the green <a href=\"#\">#<span>Soliday</span></a></p>",
            media: new FakeAttachment(server.MediaUrl("lunch.jpg"), "Sandwiches on a tartan rug in the park"));
        var entry = await Host.Curator.WaitForPostAsync(server.StatusUrl(post));
        var id = entry["id"]!.GetValue<string>();

        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        var published = await Host.Http.WaitForStatusAsync(id, "published");

        // The photo's own capture time (EXIF 2008-10-22 17:00:07, London) is the moment, not the post's time.
        Assert.Equal(new DateTimeOffset(2008, 10, 22, 17, 0, 7, TimeSpan.FromHours(1)), published["momentAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Sandwiches on a tartan rug in the park", published["photos"]![0]!["alt"]!.GetValue<string>());
        Assert.Equal("LicenseRef-with-permission", published["licence"]!.GetValue<string>());
        var page = await Host.Http.EntryPageAsync(id);
        Assert.Contains("Lunch on the green #Soliday", page);
        Assert.Contains($"<a href=\"{server.StatusUrl(post)}\" rel=\"ugc nofollow\">Alice Example (@alice@127.0.0.1)</a>", page);
        Assert.Contains("Shown here with the permission of Alice Example (@alice@127.0.0.1), who keeps every right", page);
        Assert.Contains(server.Requests, r => r.Path == $"/api/v1/statuses/{post.Id}" && r.StatusCode == 200);
    }

    [Fact]
    public async Task A_published_post_its_author_deletes_later_is_taken_off_the_site_and_erased()
    {
        var server = hashtags.Deleting;
        var post = server.Post("<p>Regretted after publication #Soliday</p>", username: "cal", displayName: "Cal Regret");
        var id = (await Host.Curator.WaitForPostAsync(server.StatusUrl(post)))["id"]!.GetValue<string>();
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        Assert.Contains("Regretted after publication", await Host.Http.EntryPageAsync(id));

        server.Delete(post);

        await Host.Http.WaitForStatusAsync(id, "removed");
        await Host.Http.WaitForErasureAsync(id);
        Assert.Null(await DurableInstances.RuntimeStatusAsync(Host, $"submission-{id}")); // its workflow's history holds the words too
        Assert.False(await Host.Http.SiteHasAsync($"entries/{id}.html"));
        Assert.DoesNotContain("Regretted after publication", await Host.Http.WholeDayTextAsync());
        var record = await Host.RecordAsync(id);
        Assert.Equal("", record["text"]!.GetValue<string>());
        Assert.Equal("", record["credit"]!.GetValue<string>());
        Assert.Contains("deleted this post", record["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_post_its_author_deleted_before_it_was_approved_is_not_published()
    {
        var server = hashtags.Deleting;
        var post = server.Post("<p>I will think better of this #Soliday</p>", username: "bea", displayName: "Bea");
        var entry = await Host.Curator.WaitForPostAsync(server.StatusUrl(post));
        var id = entry["id"]!.GetValue<string>();
        Assert.Equal(post.CreatedAt.ToUnixTimeSeconds(), entry["momentAt"]!.GetValue<DateTimeOffset>().ToUnixTimeSeconds()); // no photo: the post's time

        server.Delete(post);
        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);

        await Host.Http.WaitForStatusAsync(id, "rejected");
        Assert.Contains("deleted this post", (await Host.RecordAsync(id))["reason"]!.GetValue<string>());
        Assert.DoesNotContain("I will think better of this", await Host.Http.WholeDayTextAsync());
        Assert.Contains(server.Requests, r => r.Path == $"/api/v1/statuses/{post.Id}" && r.StatusCode == 404);
    }

    [Fact]
    public async Task Markup_and_script_in_a_post_stay_inert_text_from_the_queue_to_the_site()
    {
        var server = hashtags.Markup;
        var post = server.Post(
            "<p>Tea at the library<script>alert('xss')</script><img src=x onerror=\"alert(1)\"> <a href=\"javascript:alert(2)\">click here</a> " +
            $"<a href=\"{server.Address}/tags/soliday\" class=\"mention hashtag\">#<span>Soliday</span></a></p><p><style>body{{display:none}}</style>Second <b>line</b></p>",
            username: "eve", displayName: "<img src=x onerror=alert(3)>Eve");

        var entry = await Host.Curator.WaitForPostAsync(server.StatusUrl(post));
        Assert.Equal("Tea at the library click here #Soliday\n\nSecond line", entry["caption"]!.GetValue<string>());

        var curationPage = await Host.CurationPageAsync();
        Assert.DoesNotContain("<img src=x onerror", curationPage);
        Assert.Contains("&lt;img src=x onerror=alert(3)&gt;Eve", curationPage);

        var id = entry["id"]!.GetValue<string>();
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        // Every HTML page it is on (the CSV, rightly, keeps the display name as typed).
        var page = await Host.Http.EntryPageAsync(id) + await Host.Http.DayPageAsync()
            + string.Concat(await Task.WhenAll(Enumerable.Range(0, 24).Select(Host.Http.HourPageAsync)));
        Assert.Contains("Tea at the library click here #Soliday", page);
        Assert.DoesNotContain("alert('xss')", page);
        Assert.DoesNotContain("javascript:", page);
        Assert.DoesNotContain("display:none", page);
        Assert.DoesNotContain("<img src=x onerror", page);
        Assert.Contains("&lt;img src=x onerror=alert(3)&gt;Eve", page); // the display name is text, shown as typed
    }

    [Fact]
    public async Task Posts_from_a_blocked_account_are_ignored()
    {
        var server = hashtags.Blocking;
        var entriesBefore = await Host.EntryCountAsync();
        var spam = server.Post("<p>Cheap watches #Soliday</p>", username: "spammer", displayName: "Deals");
        var fine = server.Post("<p>A fine morning in Knowle #Soliday</p>", username: "bob", displayName: "Bob");

        await Host.Curator.WaitForPostAsync(server.StatusUrl(fine));
        await Host.WaitForPostQueueToEmptyAsync();

        Assert.Empty(await Host.Curator.EntriesFromAsync(server.StatusUrl(spam)));
        Assert.Equal(entriesBefore + 1, await Host.EntryCountAsync());
    }

    [Fact]
    public void Allowing_loopback_media_is_announced_loudly_at_start()
    {
        Assert.Contains("Hashtags:AllowLoopbackMedia is ON", Host.Output);
    }

    private async Task<JsonNode?> CheckpointAsync(FakeMastodon server)
    {
        var blob = Host.Blobs.GetBlobContainerClient("hashtags").GetBlobClient($"checkpoints/127.0.0.1-{server.BaseUrl.Port}.json");
        return await blob.ExistsAsync() ? JsonNode.Parse((await blob.DownloadContentAsync()).Value.Content.ToString()) : null;
    }
}
