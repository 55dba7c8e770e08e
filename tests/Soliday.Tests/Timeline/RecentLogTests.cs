using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>The log the feeds are made from.</summary>
public sealed class RecentLogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_log_created_but_not_yet_appended_to_reads_as_no_entries()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.Blobs.GetBlobContainerClient(StorageLayout.Timeline).GetAppendBlobClient(StorageLayout.RecentLog(SiteHarness.Day)).CreateIfNotExistsAsync();

        var recent = await site.Get<RecentLog>().ReadAsync(100);

        Assert.Empty(recent.Entries); // the feeds are made (empty), rather than the publish failing
        Assert.Equal(0, recent.Version);
    }

    [Fact]
    public async Task The_log_holds_ids_and_hours_only_and_the_feeds_read_the_words_from_the_hours()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var first = await site.PublishAsync(await site.AddAsync("Kites over Brueton Park", hour: 9));
        var second = await site.PublishAsync(await site.AddAsync("Fish and chips on the green", hour: 18));

        var recent = await site.Get<RecentLog>().ReadAsync(10);

        Assert.Equal([second, first], recent.Entries.Select(e => e.Id)); // newest first
        Assert.Equal("Kites over Brueton Park", recent.Entries.Single(e => e.Id == first).Text);
        var log = (await site.Blobs.GetBlobContainerClient(StorageLayout.Timeline).GetBlobClient(StorageLayout.RecentLog(SiteHarness.Day)).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains(first, log);
        Assert.DoesNotContain("Kites", log);
        Assert.DoesNotContain("Priya", log); // nor the credit
    }

    [Fact]
    public async Task An_entry_taken_off_is_no_longer_among_the_recent_ones()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var kept = await site.PublishAsync(await site.AddAsync("Kept on the timeline", hour: 10));
        var removed = await site.PublishAsync(await site.AddAsync("Taken off the timeline", hour: 11));

        await site.Publisher.UnpublishEntry(removed);

        Assert.Equal([kept], (await site.Get<RecentLog>().ReadAsync(10)).Entries.Select(e => e.Id));
    }
}
