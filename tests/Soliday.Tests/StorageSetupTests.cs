using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Soliday.Hashtags;
using Soliday.Storage;
using Soliday.Tests.Support;

namespace Soliday.Tests;

/// <summary>
/// The set-up at start creates what a fresh account lacks once, then a marker records its version:
/// later cold starts make no create calls, and a new version of the set-up runs again.
/// </summary>
public sealed class StorageSetupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_start_after_a_current_set_up_creates_nothing_a_new_version_sets_up_again()
    {
        // Arrange: the harness's start has set the account up and left the marker.
        await using var harness = await SiteHarness.StartAsync(azurite);
        var marker = harness.Blobs.GetBlobContainerClient(StorageSetup.MarkerContainer).GetBlobClient(StorageSetup.MarkerBlob);
        Assert.Equal(StorageSetup.Version, (await marker.DownloadContentAsync()).Value.Content.ToString());
        var hashtags = harness.Blobs.GetBlobContainerClient(StorageLayout.Hashtags);
        var poison = harness.Get<QueueServiceClient>().GetQueueClient(HashtagPostQueue.PoisonName);
        await hashtags.DeleteAsync();
        await poison.DeleteAsync();

        // Act: a cold start with the marker current.
        await StartSetUpAsync(harness);

        // Assert: nothing was created (a create call would have brought both back).
        Assert.False(await hashtags.ExistsAsync());
        Assert.False(await poison.ExistsAsync());

        // A marker from an older set-up: the next start creates everything again.
        await marker.UploadAsync(BinaryData.FromString("0"), overwrite: true);
        await StartSetUpAsync(harness);

        Assert.True(await hashtags.ExistsAsync());
        Assert.True(await poison.ExistsAsync());
        Assert.Equal(StorageSetup.Version, (await marker.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task A_fresh_account_with_no_marker_gets_every_container_and_queue()
    {
        await using var harness = await SiteHarness.StartAsync(azurite);
        var queues = harness.Get<QueueServiceClient>();
        await harness.Blobs.GetBlobContainerClient(StorageSetup.MarkerContainer).DeleteAsync(); // the marker goes with it
        await queues.GetQueueClient(HashtagPostQueue.Name).DeleteAsync();

        await StartSetUpAsync(harness);

        Assert.All(StorageLayout.Containers, name => Assert.True(harness.Blobs.GetBlobContainerClient(name).Exists(), $"{name} was not created."));
        Assert.All(StorageSetup.Queues, name => Assert.True(queues.GetQueueClient(name).Exists(), $"{name} was not created."));
    }

    [Fact]
    public async Task A_new_account_s_board_index_is_marked_filled_and_an_account_set_up_before_is_left_to_fill_once()
    {
        await using var harness = await SiteHarness.StartAsync(azurite);
        var curation = harness.Blobs.GetBlobContainerClient(StorageLayout.Curation);
        var filled = curation.GetBlobClient(StorageLayout.WaitingIndexFilled);

        // A new account (no curation container, so no marker either): nothing waited before the index, nothing to fill.
        await curation.DeleteAsync();
        await StartSetUpAsync(harness);
        Assert.True(await filled.ExistsAsync());

        // An account from before the index (its curation container there, no mark) sets up again with a new version.
        await filled.DeleteAsync();
        await curation.GetBlobClient(StorageSetup.MarkerBlob).UploadAsync(BinaryData.FromString("0"), overwrite: true);
        await StartSetUpAsync(harness);

        Assert.False(await filled.ExistsAsync()); // its first board view fills the index from the engine
    }

    private static async Task StartSetUpAsync(SiteHarness harness)
    {
        foreach (var setup in harness.Get<IEnumerable<IHostedService>>().OfType<StorageSetup>())
        {
            await setup.StartAsync(CancellationToken.None);
        }
    }
}
