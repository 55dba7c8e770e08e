using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Soliday.Acceptance.Tests.Support;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Testing;
using Soliday.Web;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>The sender's take-down link removes their entry everywhere; nobody else's link does anything.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class TakedownTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task The_take_down_link_removes_a_published_entry_from_the_site_and_from_storage()
    {
        // A photo wide enough for every rendition, the thumbnail among them: all of them must go.
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg").With("caption", "Take me down again").With("credit", "Sam Takedown").With("email", "sam@example.org"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        Assert.Contains("Take me down again", await Host.Http.EntryPageAsync(id));
        Assert.True(await Host.Http.SiteHasAsync($"media/{id}/0-320.webp"), "the thumbnail is published with the other renditions");
        await SolidayApi.EventuallyAsync(async () => (await Host.Curator.QueueJsonAsync("state=published")).Contains("Take me down again"), "the board lists it as published");

        using var confirm = await Host.Http.GetAsync(takedownUrl); // the page asks first: a link preview removes nothing
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("published", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());

        await Host.Http.TakeDownAsync(takedownUrl);

        var audit = await Host.Http.StatusAsync(id, takedownUrl.Split("key=")[1]);
        Assert.Equal("withdrawn", audit["status"]!.GetValue<string>());
        Assert.Null(audit["text"]);
        Assert.Null(audit["credit"]);
        var site = await Host.Http.WholeDayTextAsync();
        Assert.DoesNotContain("Take me down again", site);
        Assert.DoesNotContain(id, site);
        Assert.False(await Host.Http.SiteHasAsync($"entries/{id}.html"));
        foreach (var (container, prefix) in new[] { (StorageLayout.Uploads, $"{id}/"), (StorageLayout.Renditions, $"{id}/"), (StorageLayout.Site, $"media/{id}/"), (StorageLayout.Site, $"iiif/{id}") })
        {
            Assert.Empty(await BlobsAsync(container, prefix));
        }

        var record = (await Host.Blobs.GetBlobContainerClient(StorageLayout.Entries).GetBlobClient($"{id}.json").DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain("sam@example.org", record);
        Assert.DoesNotContain("Take me down again", record);
        await AssertGoneFromTheBoardAsync(id, "Take me down again", "Sam Takedown");
    }

    [Fact]
    public async Task An_entry_taken_down_while_it_waits_leaves_nothing_of_its_sender_on_the_board()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "Waiting, then taken down").With("credit", "Robin Waiting"));
        Assert.Contains("Waiting, then taken down", (await Host.Curator.WaitForQueueAsync(id))["caption"]!.GetValue<string>());

        await Host.Http.TakeDownAsync(takedownUrl);

        await AssertGoneFromTheBoardAsync(id, "Waiting, then taken down", "Robin Waiting");
    }

    [Fact]
    public async Task An_entry_taken_down_after_its_rejection_leaves_the_board_too()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "Rejected, then taken down").With("credit", "Alex Rejected"));
        await Host.Curator.WaitForQueueAsync(id);
        using var rejection = await Host.Curator.RejectAsync(id, "Out of focus");
        await Host.Http.WaitForStatusAsync(id, "rejected");
        Assert.Contains("Rejected, then taken down", await Host.Curator.QueueJsonAsync("state=rejected"));

        await Host.Http.TakeDownAsync(takedownUrl);

        await AssertGoneFromTheBoardAsync(id, "Rejected, then taken down", "Alex Rejected");
    }

    [Fact]
    public async Task A_taken_down_photo_is_no_longer_a_duplicate_of_anything()
    {
        var photo = UniquePhoto.Jpeg();
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().WithPhotoBytes(photo));
        await Host.Curator.WaitForQueueAsync(id);
        Assert.Contains(await new PhotoHashIndex(Host.Blobs).ReadAsync(), h => h.SubmissionId == id);

        await Host.Http.TakeDownAsync(takedownUrl);
        var again = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhotoBytes(photo));

        var flags = (await Host.Curator.WaitForQueueAsync(again))["flags"]!.AsArray().Select(f => f!["code"]!.GetValue<string>());
        Assert.DoesNotContain(FlagCodes.ExactDuplicate, flags);
        Assert.DoesNotContain(await new PhotoHashIndex(Host.Blobs).ReadAsync(), h => h.SubmissionId == id);
    }

    [Fact]
    public async Task An_entry_taken_down_while_it_waits_never_reaches_a_curator()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        using var removal = await Host.Http.PostAsync(takedownUrl, null);
        using var approval = await Host.Curator.ApproveAsync(id); // at once: before the erasure itself has run

        Assert.Equal(HttpStatusCode.Accepted, removal.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approval.StatusCode);

        // Its workflow is asked to stop with the take-down, so it leaves the board before the erasure has run.
        await SolidayApi.EventuallyAsync(async () => !(await Host.Curator.QueueAsync()).Any(item => item!["id"]!.GetValue<string>() == id), "the entry leaves the curators' queue");
    }

    [Fact]
    public async Task A_take_down_answers_at_once_that_the_entry_is_being_removed_and_its_page_later_says_it_has_gone()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "Gone within minutes").With("credit", "Kit Quick"));
        await Host.Curator.WaitForQueueAsync(id);
        var key = takedownUrl.Split("key=")[1];
        var clock = System.Diagnostics.Stopwatch.StartNew();

        using var removal = await Host.Http.SendAsync(AsBrowser(HttpMethod.Post, takedownUrl, new FormUrlEncodedContent([new(SubmissionFormFields.TakedownKey, key)])));
        var page = await removal.Content.ReadAsStringAsync();

        Assert.True(clock.Elapsed < TakenInQuickly, $"the take-down took {clock.Elapsed.TotalSeconds:0.0} s to answer");
        Assert.Equal(HttpStatusCode.OK, removal.StatusCode);
        Assert.Contains("Your entry is being removed", page);
        Assert.Contains($"within {(int)EntryErasure.TakedownPromise.TotalMinutes} minutes", page);
        Assert.DoesNotContain("Gone within minutes", page);

        await Host.Http.WaitForErasureAsync(id, key);
        using var statusPage = await Host.Http.SendAsync(AsBrowser(HttpMethod.Get, $"{Routes.SubmissionStatusUrl(id)}?{SubmissionFormFields.TakedownKey}={key}"));
        Assert.Contains("Your entry has been removed, as you asked.", await statusPage.Content.ReadAsStringAsync());
        await AssertGoneFromTheBoardAsync(id, "Gone within minutes", "Kit Quick");
        Assert.Empty(await BlobsAsync(StorageLayout.Uploads, $"{id}/"));
    }

    [Fact]
    public async Task A_forged_or_expired_take_down_link_changes_nothing()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        var forged = takedownUrl[..^6] + "AAAAAA";
        var expired = Routes.TakedownUrl(id, ExpiredKeyFor(id));
        var otherEntrysKey = (await SubmitAsync(new SubmissionBuilder())).TakedownUrl.Split("key=")[1];

        foreach (var url in new[] { forged, expired, Routes.TakedownUrl(id, otherEntrysKey), $"/api/submissions/{id}/takedown" })
        {
            using var attempt = await Host.Http.PostAsync(url, null);
            Assert.Equal(HttpStatusCode.Forbidden, attempt.StatusCode);
        }

        Assert.Equal("awaiting-curation", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());
        Assert.NotEmpty(await BlobsAsync(StorageLayout.Uploads, $"{id}/"));
    }

    /// <summary>Neither the queue's JSON nor the curation page, in any state, carries the entry or its sender's words.</summary>
    private async Task AssertGoneFromTheBoardAsync(string id, params string[] words)
    {
        var queue = await Host.Curator.QueueJsonAsync("state=all");
        var page = await Host.Curator.CurationPageAsync("state=all");
        foreach (var text in words.Append(id))
        {
            Assert.DoesNotContain(text, queue);
            Assert.DoesNotContain(text, page);
        }
    }

    /// <summary>Far below the minute the take-down once waited on the durable engine; answering needs two storage writes.</summary>
    private static readonly TimeSpan TakenInQuickly = TimeSpan.FromSeconds(5);

    /// <summary>A request as a browser sends it: it asks for a page, not JSON.</summary>
    private static HttpRequestMessage AsBrowser(HttpMethod method, string url, HttpContent? content = null) =>
        new(method, url) { Content = content, Headers = { { "Accept", "text/html" } } };

    private async Task<(string Id, string TakedownUrl)> SubmitAsync(SubmissionBuilder submission)
    {
        using var response = await Host.Http.PostAsync("/api/submissions", submission.Build());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (body["id"]!.GetValue<string>(), body["takedownUrl"]!.GetValue<string>());
    }

    /// <summary>A genuine link, signed with the host's key, that ran out a day ago.</summary>
    private string ExpiredKeyFor(string id)
    {
        var options = Options.Create(new SubmissionOptions { SigningKey = Host.SigningKey, TakedownLinkLifetime = TimeSpan.FromDays(1) });
        var twoDaysAgo = new FixedClock(DateTimeOffset.UtcNow.AddDays(-2));
        return new TakedownLinks(new TokenSigner(options.Value.SigningKeyBytes()), options, twoDaysAgo).Issue(id);
    }

    private async Task<List<string>> BlobsAsync(string container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
