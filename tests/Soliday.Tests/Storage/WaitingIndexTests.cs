using Soliday.Storage;
using Soliday.Tests.Support;

namespace Soliday.Tests.Storage;

/// <summary>The board's index of waiting entries: pages in arrival order, each entry once, and a removed entry leaves nothing behind.</summary>
public sealed class WaitingIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Morning = new(2026, 5, 12, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pages_list_every_waiting_entry_once_oldest_arrival_first()
    {
        await azurite.ResetAsync();
        var index = new WaitingIndex(azurite.Blobs);
        // Written out of order: the listing, not the writing, decides the order.
        var arrivals = Enumerable.Range(0, 7).Select(i => (Id: $"entry-{i}", At: Morning.AddMinutes(i))).Reverse().ToList();
        foreach (var (id, at) in arrivals)
        {
            await index.PutAsync(id, at, BinaryData.FromString($"\"{id}\""));
        }

        var read = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await index.ReadPageAsync(continuation, pageSize: 3);
            Assert.NotNull(page);
            read.AddRange(page.Cards.Select(c => c.ToObjectFromJson<string>()!));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"entry-{i}"), read);
    }

    [Fact]
    public async Task A_removed_entry_leaves_no_card_in_storage()
    {
        await azurite.ResetAsync();
        var index = new WaitingIndex(azurite.Blobs);
        await index.PutAsync("kept", Morning, BinaryData.FromString("\"kept\""));
        await index.PutAsync("erased", Morning.AddSeconds(1), BinaryData.FromString("\"a resident's words\""));

        await index.RemoveAsync("erased", Morning.AddSeconds(1));
        await index.RemoveAsync("never-indexed", Morning); // nothing to remove: no error

        var page = await index.ReadPageAsync(null);
        Assert.Equal(["kept"], page!.Cards.Select(c => c.ToObjectFromJson<string>()));
        var stored = new List<string>();
        await foreach (var blob in azurite.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, StorageLayout.WaitingFolder, CancellationToken.None))
        {
            stored.Add(blob.Name);
        }

        Assert.DoesNotContain(stored, name => name.Contains("erased", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writing_a_card_again_replaces_it_instead_of_listing_the_entry_twice()
    {
        await azurite.ResetAsync();
        var index = new WaitingIndex(azurite.Blobs);

        await index.PutAsync("edited", Morning, BinaryData.FromString("\"before\""));
        await index.PutAsync("edited", Morning, BinaryData.FromString("\"after\""));

        var page = await index.ReadPageAsync(null);
        Assert.Equal(["after"], page!.Cards.Select(c => c.ToObjectFromJson<string>()));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task An_empty_board_reads_as_one_empty_last_page()
    {
        await azurite.ResetAsync();

        var page = await new WaitingIndex(azurite.Blobs).ReadPageAsync(null);

        Assert.Empty(page!.Cards);
        Assert.Null(page.Continuation);
    }
}
