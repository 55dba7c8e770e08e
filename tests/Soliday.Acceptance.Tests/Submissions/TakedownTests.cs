using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Soliday.Acceptance.Tests.Support;
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
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder().With("caption", "Take me down again").With("email", "sam@example.org"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        Assert.Contains("Take me down again", await Host.Http.EntryPageAsync(id));

        using var confirm = await Host.Http.GetAsync(takedownUrl); // the page asks first: a link preview removes nothing
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("published", (await Host.Http.StatusAsync(id))["status"]!.GetValue<string>());

        using var removal = await Host.Http.PostAsync(takedownUrl, null);

        Assert.Equal(HttpStatusCode.OK, removal.StatusCode);
        var audit = await Host.Http.StatusAsync(id);
        Assert.Equal("withdrawn", audit["status"]!.GetValue<string>());
        Assert.Equal("", audit["text"]!.GetValue<string>());
        Assert.Equal("", audit["credit"]!.GetValue<string>());
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
    }

    [Fact]
    public async Task An_entry_taken_down_while_it_waits_never_reaches_a_curator()
    {
        var (id, takedownUrl) = await SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        using var removal = await Host.Http.PostAsync(takedownUrl, null);
        using var approval = await Host.Curator.ApproveAsync(id);

        Assert.Equal(HttpStatusCode.OK, removal.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approval.StatusCode);
        Assert.DoesNotContain(await Host.Curator.QueueAsync(), item => item!["id"]!.GetValue<string>() == id);
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
        return new TakedownLinks(new TokenSigner(options), options, twoDaysAgo).Issue(id);
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
