using Soliday.Pages;
using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>
/// A tag's page shows at most <see cref="TagHourView.PreviewsPerHour"/> entries an hour, so it stays
/// light on a busy day; the rest of that hour are on the tag's pages for the hour, which follow
/// every publish and removal like an hour's pages do.
/// </summary>
public sealed class TagHourPagesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Busy = TagHourView.PreviewsPerHour + 2;

    [Fact]
    public async Task A_tag_page_shows_the_first_of_a_busy_hour_and_links_to_all_of_them_and_a_quiet_tag_has_no_hour_pages()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var ids = new List<string>();
        for (var i = 0; i < Busy; i++)
        {
            ids.Add(await site.PublishAsync(await site.AddAsync($"Stall number {i} at the market", hour: 10, minute: i * 3, tags: ["#market"])));
        }

        var quiet = await site.PublishAsync(await site.AddAsync("Bowls on the green", hour: 10, minute: 50, tags: ["#bowls"]));

        var tagPage = await site.RequiredSiteFileAsync(SitePaths.TagPage("market"));
        Assert.Equal(TagHourView.PreviewsPerHour, ids.Count(id => tagPage.Contains(SitePaths.EntryPage(id), StringComparison.Ordinal)));
        Assert.DoesNotContain(SitePaths.EntryPage(ids[^1]), tagPage); // the latest of the hour is one click further
        Assert.Contains($"href=\"../{SitePaths.TagHourPage("market", 10)}\">All {Busy} from 10:00 with this tag", tagPage);

        var hourPage = await site.RequiredSiteFileAsync(SitePaths.TagHourPage("market", 10));
        Assert.All(ids, id => Assert.Contains(SitePaths.EntryPage(id), hourPage));
        Assert.DoesNotContain(SitePaths.EntryPage(quiet), hourPage);
        Assert.Contains("<title>#market, 10:00 to 11:00", hourPage);
        Assert.Contains($"href=\"../{SitePaths.TagPage("market")}#h10-title\">#market</a>", hourPage); // the way back, in the trail

        Assert.Contains(SitePaths.EntryPage(quiet), await site.RequiredSiteFileAsync(SitePaths.TagPage("bowls")));
        Assert.Null(await site.SiteFileAsync(SitePaths.TagHourPage("bowls", 10))); // shown whole on its tag page
    }

    [Fact]
    public async Task Entries_taken_off_leave_the_tag_s_hour_page_and_the_link_goes_once_the_tag_page_shows_them_all()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var ids = new List<string>();
        for (var i = 0; i < TagHourView.PreviewsPerHour + 1; i++)
        {
            ids.Add(await site.PublishAsync(await site.AddAsync($"Lantern {i} on the canal", hour: 21, minute: i * 4, tags: ["#lanterns"], credit: $"Maker {i}")));
        }

        var erased = ids[3];
        await site.Publisher.UnpublishEntry(erased);

        var hourPage = await site.RequiredSiteFileAsync(SitePaths.TagHourPage("lanterns", 21)); // still there, but nothing of the erased entry
        Assert.DoesNotContain(erased, hourPage);
        Assert.DoesNotContain("Maker 3", hourPage);
        Assert.All(ids.Where(id => id != erased), id => Assert.Contains(SitePaths.EntryPage(id), hourPage));
        var tagPage = await site.RequiredSiteFileAsync(SitePaths.TagPage("lanterns"));
        Assert.DoesNotContain(SitePaths.TagHourPage("lanterns", 21), tagPage); // all twelve shown, no link needed
        Assert.All(ids.Where(id => id != erased), id => Assert.Contains(SitePaths.EntryPage(id), tagPage));
    }
    [Fact]
    public async Task A_tag_page_made_whole_after_an_upgrade_makes_the_pages_its_links_lead_to()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var ids = new List<string>();
        for (var i = 0; i < Busy; i++)
        {
            ids.Add(await site.PublishAsync(await site.AddAsync($"Choir song {i} in the square", hour: 10, minute: i * 3, tags: ["#choir"])));
        }

        // As a deploy mid-day finds things: the tag page in a layout it no longer writes, and no
        // pages for the tag's hours (the version before had none).
        var pages = site.Blobs.GetBlobContainerClient(StorageLayout.Site);
        await pages.DeleteBlobAsync(SitePaths.TagPage("choir"));
        await pages.DeleteBlobAsync(SitePaths.TagHourPage("choir", 10));

        await site.PublishAsync(await site.AddAsync("Evensong", hour: 18, tags: ["#choir"]));

        var tagPage = await site.RequiredSiteFileAsync(SitePaths.TagPage("choir"));
        Assert.Contains($"href=\"../{SitePaths.TagHourPage("choir", 10)}\">All {Busy} from 10:00 with this tag", tagPage);
        var hourPage = await site.SiteFileAsync(SitePaths.TagHourPage("choir", 10));
        Assert.NotNull(hourPage); // before, a 404 until the next publish into 10:00
        Assert.All(ids, id => Assert.Contains(SitePaths.EntryPage(id), hourPage));
    }
}
