using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>Entry pages and their links to the entries before and after them.</summary>
public sealed class EntryPageWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_new_entry_page_does_not_link_to_a_neighbour_taken_off_after_its_publish_read_the_hour()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var first = await site.PublishAsync(await site.AddAsync("Morning swim at the lido", hour: 7, minute: 5));
        var second = await site.PublishAsync(await site.AddAsync("Breakfast after the swim", hour: 7, minute: 30));
        var index = site.Get<TimelineIndex>();
        var snapshot = await index.ReadHourAsync(SiteHarness.Day, 7); // what the first entry's publish read

        // Taken off before the first entry's page existed: the removal's re-render of its neighbours skipped it.
        await site.Blobs.GetBlobContainerClient(StorageLayout.Site).DeleteBlobAsync(SitePaths.EntryPage(first));
        await site.Publisher.UnpublishEntry(second);

        await site.Get<EntryPageWriter>().RenderAroundAsync(snapshot, snapshot.Find(first)!);

        var page = await site.RequiredSiteFileAsync(SitePaths.EntryPage(first));
        Assert.Contains("Morning swim at the lido", page);
        Assert.DoesNotContain(second, page);
    }
}
