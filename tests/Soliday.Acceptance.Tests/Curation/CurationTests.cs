using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Specialized;
using Soliday.Acceptance.Tests.Support;
using Soliday.Entries;
using Soliday.Testing;
using Soliday.Storage;
using Soliday.Submissions;

namespace Soliday.Acceptance.Tests.Curation;

[Collection(SharedHostCollection.Name)]
public sealed class CurationTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_rejected_entry_never_appears_on_the_site_and_its_renditions_are_removed()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "A caption that must never be published"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        Assert.NotEmpty(await BlobsAsync(StorageLayout.Renditions, $"{id}/"));

        using var rejection = await Host.Curator.RejectAsync(id, "The photo shows a private garden.");
        Assert.Equal(HttpStatusCode.Accepted, rejection.StatusCode);
        var rejected = await Host.Http.WaitForStatusAsync(id, "rejected");

        Assert.Equal("The photo shows a private garden.", rejected["reason"]!.GetValue<string>());
        Assert.DoesNotContain("A caption that must never be published", await SiteTextAsync());
        Assert.Empty(await BlobsAsync(StorageLayout.Renditions, $"{id}/"));
        Assert.Empty(await BlobsAsync(StorageLayout.Site, $"media/{id}/"));
        Assert.Empty(await BlobsAsync(StorageLayout.Uploads, $"{id}/")); // the original, with its GPS, is not kept
    }

    [Fact]
    public async Task Of_two_curators_deciding_at_once_exactly_one_wins()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        var decisions = await Task.WhenAll(Host.Curator.ApproveAsync(id), Host.Curator.RejectAsync(id, "Blurred"), Host.Curator.ApproveAsync(id));

        Assert.Equal(1, decisions.Count(d => d.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(2, decisions.Count(d => d.StatusCode == HttpStatusCode.Conflict));
        var winner = decisions.Single(d => d.StatusCode == HttpStatusCode.Accepted);
        var decision = System.Text.Json.Nodes.JsonNode.Parse(await winner.Content.ReadAsStringAsync())!["decision"]!.GetValue<string>();
        await Host.Http.WaitForStatusAsync(id, decision == "approve" ? "published" : "rejected");
    }

    [Fact]
    public async Task A_second_decision_on_the_same_entry_is_refused_with_409()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        using var first = await Host.Curator.ApproveAsync(id);
        using var second = await Host.Curator.RejectAsync(id, "Changed my mind");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Already decided", (await second.ProblemAsync())["title"]!.GetValue<string>());
        await Host.Http.WaitForStatusAsync(id, "published");
    }

    [Fact]
    public async Task The_queue_shows_a_thumbnail_only_curators_can_open()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "RO__Portrait_6.jpg"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        var item = await Host.Curator.WaitForQueueAsync(id);
        var thumbnail = item["thumbnailUrl"]!.GetValue<string>();

        using var asCurator = await Host.Curator.GetAsync(thumbnail);
        using var asPublic = await Host.Http.GetAsync(thumbnail);
        Assert.Equal(HttpStatusCode.OK, asCurator.StatusCode);
        Assert.Equal("image/jpeg", asCurator.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, asPublic.StatusCode);
    }

    [Fact]
    public async Task A_decision_the_audit_log_cannot_record_is_refused_and_not_taken()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Curator.WaitForQueueAsync(id);
        var log = Host.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetAppendBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(DateTime.UtcNow)));
        await log.CreateIfNotExistsAsync();
        var lease = log.GetBlobLeaseClient();
        await lease.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration); // no append can go in without the lease id
        try
        {
            using var approval = await Host.Curator.ApproveAsync(id);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, approval.StatusCode);
            Assert.Equal("Not recorded, so not done", (await approval.ProblemAsync())["title"]!.GetValue<string>());
            await Task.Delay(TimeSpan.FromSeconds(2)); // time enough for a raised event to be taken in
            Assert.Equal("awaiting-curation", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());
        }
        finally
        {
            await lease.ReleaseAsync();
        }

        using var again = await Host.Curator.ApproveAsync(id); // the claim was released: the decision can be made
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        await Host.Http.WaitForStatusAsync(id, "published");
        var lines = (await log.DownloadContentAsync()).Value.Content.ToString().Split('\n').Where(l => l.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Equal("approve", JsonNode.Parse(Assert.Single(lines))!["action"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_approval_and_rejection_through_the_API_decide_each_entry_and_report_the_ones_refused()
    {
        var toApprove = new[] { await Host.Http.SubmitAsync(new SubmissionBuilder()), await Host.Http.SubmitAsync(new SubmissionBuilder()) };
        var toReject = new[] { await Host.Http.SubmitAsync(new SubmissionBuilder()), await Host.Http.SubmitAsync(new SubmissionBuilder()) };
        foreach (var id in toApprove.Concat(toReject))
        {
            await Host.Curator.WaitForQueueAsync(id);
        }

        using var noReason = await Host.Curator.BulkAsync("reject", toReject);
        using var approval = await Host.Curator.BulkAsync("approve", toApprove);
        using var rejection = await Host.Curator.BulkAsync("reject", toReject.Append(toApprove[0]), "Not from the day.");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await approval.Content.ReadAsStringAsync())!["done"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.MultiStatus, rejection.StatusCode);
        var report = JsonNode.Parse(await rejection.Content.ReadAsStringAsync())!;
        Assert.Equal(2, report["done"]!.GetValue<int>());
        Assert.StartsWith($"{toApprove[0]}: ", Assert.Single(report["refused"]!.AsArray())!.GetValue<string>());
        foreach (var id in toApprove)
        {
            await Host.Http.WaitForStatusAsync(id, "published");
        }

        foreach (var id in toReject)
        {
            Assert.Equal("Not from the day.", (await Host.Http.WaitForStatusAsync(id, "rejected"))["reason"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_filters_show_only_the_entries_with_that_state_flag_hour_and_source()
    {
        var weak = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_Canon_40D.jpg").With("alt", "IMG_0001"));
        var good = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg").With("alt", "Stalls of the Tuesday market under striped awnings"));
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        int HourOf(JsonNode item) => TimeZoneInfo.ConvertTime(item["momentAt"]!.GetValue<DateTimeOffset>(), london).Hour;
        var (weakHour, goodHour) = (HourOf(await Host.Curator.WaitForQueueAsync(weak)), HourOf(await Host.Curator.WaitForQueueAsync(good)));
        Assert.NotEqual(weakHour, goodHour); // the two photos were taken at different hours

        await AssertShowsAsync("flag=alt-weak", shows: weak, hides: good);
        await AssertShowsAsync($"hour={weakHour}", shows: weak, hides: good);
        await AssertShowsAsync($"hour={goodHour}&flag=alt-weak", shows: null, hides: good);
        await AssertShowsAsync($"hour={goodHour}", shows: good, hides: weak);
        Assert.Contains(weak, await Host.Curator.QueueIdsAsync("source=form"));
        Assert.DoesNotContain(weak, await Host.Curator.QueueIdsAsync("source=mastodon"));

        using var approval = await Host.Curator.ApproveAsync(good);
        await Host.Http.WaitForStatusAsync(good, "published");
        await SolidayApi.EventuallyAsync(async () => (await Host.Curator.QueueIdsAsync("state=published")).Contains(good), "the board lists it as published");

        await AssertShowsAsync("state=published", shows: good, hides: weak);
        await AssertShowsAsync("state=awaiting-curation", shows: weak, hides: good);
        Assert.Contains(weak, await Host.Curator.QueueIdsAsync("state=all"));
        Assert.Contains(good, await Host.Curator.QueueIdsAsync("state=all"));
    }

    [Fact]
    public async Task Featuring_and_unfeaturing_are_recorded_and_shown_on_the_board()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Curator.WaitForQueueAsync(id);

        using var feature = await Host.Curator.FeatureAsync(id, featured: true);

        Assert.Equal(HttpStatusCode.Accepted, feature.StatusCode);
        await SolidayApi.EventuallyAsync(async () => (await Host.Curator.WaitForQueueAsync(id))["featured"]!.GetValue<bool>(), "the queue shows it featured");
        var card = await CardAsync(id);
        Assert.Contains("<strong>Featured</strong>", card);
        Assert.Contains("Stop featuring", card);
        Assert.True(await RecordAsync(id) is { Featured: true });

        using var unfeature = await Host.Curator.FeatureAsync(id, featured: false);

        Assert.Equal(HttpStatusCode.Accepted, unfeature.StatusCode);
        await SolidayApi.EventuallyAsync(async () => !(await Host.Curator.WaitForQueueAsync(id))["featured"]!.GetValue<bool>(), "the queue shows it no longer featured");
        Assert.DoesNotContain("<strong>Featured</strong>", await CardAsync(id));
        Assert.True(await RecordAsync(id) is { Featured: false });
        var audit = (await Host.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(DateTime.UtcNow))).DownloadContentAsync()).Value.Content.ToString();
        Assert.Equal(["feature", "unfeature"], audit.Split('\n').Where(l => l.Contains(id, StringComparison.Ordinal)).Select(l => JsonNode.Parse(l)!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Featuring_a_published_entry_puts_it_among_the_curators_picks_on_the_day_page_and_unfeaturing_takes_it_out()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Morris dancers outside the Library Theatre"));
        await Host.Curator.WaitForQueueAsync(id);
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        Assert.DoesNotContain(PickLink(id), await PicksAsync());

        using var feature = await Host.Curator.FeatureAsync(id, featured: true);

        Assert.Equal(HttpStatusCode.Accepted, feature.StatusCode);
        await SolidayApi.EventuallyAsync(async () => (await PicksAsync()).Contains(PickLink(id), StringComparison.Ordinal), "the day page lists it among the curators' picks");
        Assert.Contains("Morris dancers outside the Library Theatre", await PicksAsync());
        await SolidayApi.EventuallyAsync(async () => (await Host.Http.EntryPageAsync(id)).Contains("Curators' pick", StringComparison.Ordinal), "its page marks it");
        Assert.Equal("published", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());

        using var unfeature = await Host.Curator.FeatureAsync(id, featured: false);

        Assert.Equal(HttpStatusCode.Accepted, unfeature.StatusCode);
        await SolidayApi.EventuallyAsync(async () => !(await PicksAsync()).Contains(PickLink(id), StringComparison.Ordinal), "the day page no longer lists it among the picks");
        await SolidayApi.EventuallyAsync(async () => !(await Host.Http.EntryPageAsync(id)).Contains("Curators' pick", StringComparison.Ordinal), "its page no longer marks it"); // made in parallel with the day page
        Assert.Contains(id, await Host.Http.SiteFileAsync("data/entries.csv")); // still published, only no longer featured
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task Every_curation_route_refuses_a_caller_without_the_curator_token(string? token)
    {
        foreach (var request in CurationRoutes.Requests())
        {
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await Host.Http.SendAsync(request);
            CurationRoutes.AssertRefused(request, response);
        }
    }

    [Fact]
    public async Task A_forged_Easy_Auth_principal_is_ignored_when_Easy_Auth_is_not_in_front()
    {
        foreach (var request in CurationRoutes.Requests())
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", CurationRoutes.Principal("mallory@example.org", "curator"));

            using var response = await Host.Http.SendAsync(request);
            CurationRoutes.AssertRefused(request, response);
        }
    }

    /// <summary>The queue's JSON and the curation page both list <paramref name="shows"/> and not <paramref name="hides"/>.</summary>
    private async Task AssertShowsAsync(string query, string? shows, string hides)
    {
        var listed = await Host.Curator.QueueIdsAsync(query);
        var page = await Host.Curator.CurationPageAsync(query);
        if (shows is not null)
        {
            Assert.Contains(shows, listed);
            Assert.Contains($"id=\"c-{shows}\"", page);
        }

        Assert.DoesNotContain(hides, listed);
        Assert.DoesNotContain($"id=\"c-{hides}\"", page);
    }

    /// <summary>The entry's card on the curation page (the waiting entries), as HTML.</summary>
    private async Task<string> CardAsync(string id) =>
        System.Text.RegularExpressions.Regex.Match(await Host.Curator.CurationPageAsync(), $"<article[^>]*id=\"c-{id}\"[\\s\\S]*?</article>").Value is { Length: > 0 } card
            ? card
            : throw new Xunit.Sdk.XunitException($"The curation page has no card for {id}.");

    private async Task<Entry?> RecordAsync(string id) =>
        await new EntryStore(Host.Blobs).FindAsync(id);

    private async Task<string> SiteTextAsync() => await Host.Http.WholeDayTextAsync();

    /// <summary>The day page's "Curators' picks" strip; empty when nothing is featured.</summary>
    private async Task<string> PicksAsync() =>
        System.Text.RegularExpressions.Regex.Match(await Host.Http.DayPageAsync(), "<section class=\"picks\"[\\s\\S]*?</section>").Value;

    private static string PickLink(string id) => $"href=\"entries/{id}.html\"";

    private async Task<List<string>> BlobsAsync(string container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
