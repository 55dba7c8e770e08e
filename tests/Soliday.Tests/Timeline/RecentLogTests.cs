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
}
