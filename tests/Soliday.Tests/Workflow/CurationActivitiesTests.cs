using Azure.Storage.Blobs.Models;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;
using Soliday.Workflow;

namespace Soliday.Tests.Workflow;

/// <summary>
/// The workflow's curation steps on a real Azurite, called as the orchestration calls them. An entry
/// that ends unpublished leaves the site first (Timeline), then its files (Curation): one step.
/// </summary>
public sealed class CurationActivitiesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_entry_a_curator_takes_off_the_timeline_leaves_the_site_and_keeps_only_its_record_and_reason()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await site.PublishAsync(await site.AddAsync("Bunting over the High Street", hour: 10, tags: ["#fete"]));
        var unpublish = new CuratorDecisionEvent(CurationAction.Unpublish, "Sam", DateTimeOffset.UtcNow, "A face can be recognised.");

        var result = await site.Get<CurationActivities>().DiscardEntry(new DiscardEntryRequest(id, EntryState.Rejected, "A face can be recognised.", unpublish));

        Assert.Equal(EntryState.Rejected, result.State);
        Assert.Null(await site.SiteFileAsync(SitePaths.EntryPage(id)));
        Assert.DoesNotContain(id, await site.RequiredSiteFileAsync(SitePaths.DayPage));
        Assert.DoesNotContain(id, await site.RequiredSiteFileAsync(SitePaths.HourPage(10)));
        Assert.Null(await site.SiteFileAsync("tags/fete.html")); // its only entry left it
        Assert.Empty(await BlobNamesAsync(site, StorageLayout.Renditions, id));
        var record = await site.Entries.GetAsync(id);
        Assert.Equal(EntryState.Rejected, record.State);
        Assert.Equal("A face can be recognised.", record.Reason);
        Assert.Equal("Sam", record.Decision?.Curator);
        Assert.All(record.Photos, photo => Assert.Empty(photo.Renditions));
    }

    [Fact]
    public async Task An_entry_that_expires_unpublished_loses_its_renditions_and_keeps_the_reason()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var entry = await site.AddAsync("Queue for the ice-cream van", hour: 15);

        await site.Get<CurationActivities>().DiscardEntry(new DiscardEntryRequest(entry.Id, EntryState.Rejected, SubmissionOrchestration.ExpiredReason, Decision: null));

        Assert.Empty(await BlobNamesAsync(site, StorageLayout.Renditions, entry.Id));
        var record = await site.Entries.GetAsync(entry.Id);
        Assert.Equal(EntryState.Rejected, record.State);
        Assert.Equal(SubmissionOrchestration.ExpiredReason, record.Reason);
        Assert.Null(record.Decision);
    }

    private static async Task<List<string>> BlobNamesAsync(SiteHarness site, string container, string id)
    {
        var names = new List<string>();
        await foreach (var blob in site.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.EntryFolder(id) }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
