using Soliday.Entries;
using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>
/// The day in numbers on a real Azurite, through the real publish and take-down: numbers.html counts
/// what is published, follows an entry out, and is made from the publishing hour's index alone.
/// </summary>
public sealed class NumbersPageWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_numbers_page_is_there_before_anything_is_published_and_linked_from_the_day_about_and_sitemap()
    {
        await using var site = await SiteHarness.StartAsync(azurite);

        Assert.Contains("Nothing has been published yet.", await site.RequiredSiteFileAsync(SitePaths.NumbersPage));
        Assert.Contains($"href=\"{SitePaths.NumbersPage}\"", await site.RequiredSiteFileAsync(SitePaths.DayPage));
        Assert.Contains($"href=\"{SitePaths.NumbersPage}\"", await site.RequiredSiteFileAsync(SitePaths.AboutPage));
        Assert.Contains($"<loc>{SiteHarness.PublicUrl}{SitePaths.NumbersPage}</loc>", await site.RequiredSiteFileAsync(SitePaths.Sitemap));
    }

    [Fact]
    public async Task Published_entries_are_counted_by_hour_kind_source_and_place()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.PublishAsync(await site.AddAsync("Parkrun", hour: 9, minute: 5, tags: ["place:Brueton Park"]));
        await site.PublishAsync(await FromAsync(site, "mastodon", await site.AddAsync("Coffee", hour: 9, minute: 40, photos: 0)));
        await site.PublishAsync(await site.AddAsync("Band", hour: 14, tags: ["place:Brueton Park"]));

        var html = await site.RequiredSiteFileAsync(SitePaths.NumbersPage);

        Assert.Contains("3 entries published so far: 2 with a photo and 1 written.", html);
        Assert.Contains("<th scope=\"row\">09:00</th><td class=\"number\">1</td><td class=\"number\">1</td><td class=\"number\">2</td>", html);
        Assert.Contains("<th scope=\"row\">14:00</th><td class=\"number\">1</td><td class=\"number\">0</td><td class=\"number\">1</td>", html);
        Assert.Contains("<th scope=\"row\">The form on this site</th><td class=\"number\">2</td>", html);
        Assert.Contains("<th scope=\"row\">Mastodon, tagged #Soliday</th><td class=\"number\">1</td>", html);
        Assert.Contains("<th scope=\"row\">Brueton Park</th><td class=\"number\">2</td>", html);
        Assert.Contains("<th scope=\"row\">No place named</th><td class=\"number\">1</td>", html);
    }

    [Fact]
    public async Task An_entry_taken_down_leaves_the_numbers_and_its_place_name_with_it()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.PublishAsync(await site.AddAsync("Kept", hour: 11, tags: ["place:Knowle"]));
        var erased = await site.PublishAsync(await site.AddAsync("Taken down", hour: 11, minute: 30, tags: ["place:Dickens Heath"]));
        Assert.Contains("Dickens Heath", await site.RequiredSiteFileAsync(SitePaths.NumbersPage));

        await site.Publisher.UnpublishEntry(erased);

        var html = await site.RequiredSiteFileAsync(SitePaths.NumbersPage);
        Assert.Contains("1 entry published so far", html);
        Assert.DoesNotContain("Dickens Heath", html);
        Assert.DoesNotContain("Dickens Heath", (await site.Blobs.GetBlobContainerClient(StorageLayout.Timeline).GetBlobClient(StorageLayout.DayNumbers(SiteHarness.Day)).ReadAsync())!.Value.Content.ToString());
    }

    [Fact]
    public async Task A_publish_counts_its_own_hour_from_its_index_and_reads_no_other()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.PublishAsync(await site.AddAsync("Morning", hour: 8));
        // Hour 20's index changed behind the publisher's back (never done outside a test): a publish
        // that read every hour would count it.
        var index = site.Get<TimelineIndex>();
        var hour20 = await index.ReadHourAsync(SiteHarness.Day, 20);
        await index.SeedAsync(StorageLayout.HourIndex(SiteHarness.Day, 20), hour20 with { Entries = (await index.ReadHourAsync(SiteHarness.Day, 8)).Entries, Version = 9 });

        await site.PublishAsync(await site.AddAsync("Later that morning", hour: 8, minute: 30));

        var html = await site.RequiredSiteFileAsync(SitePaths.NumbersPage);
        Assert.Contains("<th scope=\"row\">08:00</th><td class=\"number\">2</td>", html);
        Assert.Contains("<th scope=\"row\">20:00</th><td class=\"number\">0</td>", html);
    }

    [Fact]
    public async Task An_older_snapshot_of_an_hour_never_writes_over_newer_numbers()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.PublishAsync(await site.AddAsync("First", hour: 16));
        var older = await site.Get<TimelineIndex>().ReadHourAsync(SiteHarness.Day, 16);
        await site.PublishAsync(await site.AddAsync("Second", hour: 16, minute: 20));

        await site.Get<NumbersPageWriter>().UpdateAsync(older, hour => site.Get<TimelineIndex>().ReadHourAsync(SiteHarness.Day, hour));

        Assert.Contains("2 entries published so far", await site.RequiredSiteFileAsync(SitePaths.NumbersPage));
    }

    /// <summary>The entry as if it had come from another service: the source is all that differs here.</summary>
    private static Task<Entry> FromAsync(SiteHarness site, string source, Entry entry) => site.Entries.UpdateAsync(entry.Id, e => e with { Source = source });
}
