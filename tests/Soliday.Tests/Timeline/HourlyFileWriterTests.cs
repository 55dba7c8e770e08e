using Soliday.Entries;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>The files written hour by hour, when writers hold snapshots of different ages.</summary>
public sealed class HourlyFileWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_tag_page_deleted_when_its_last_entry_left_is_not_made_again_from_an_older_snapshot()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await site.PublishAsync(await site.AddAsync("The lantern walk by the canal", hour: 19, tags: ["#lanterns"]));
        var tag = EntryTag.Parse("#lanterns")!;
        var index = site.Get<TimelineIndex>();
        var older = await index.ReadTagHourAsync(SiteHarness.Day, PublicTags.Slug(tag), 19); // what a slower writer may still hold
        await site.Publisher.UnpublishEntry(id);
        Assert.Null(await site.SiteFileAsync("tags/lanterns.html"));

        await site.Get<HourlyFileWriter>().UpdateAsync(
            site.Get<TimelineFiles>().TagPage(tag), older, hour => index.ReadTagHourAsync(SiteHarness.Day, PublicTags.Slug(tag), hour));

        Assert.Null(await site.SiteFileAsync("tags/lanterns.html")); // the entry taken down does not come back
    }
}
