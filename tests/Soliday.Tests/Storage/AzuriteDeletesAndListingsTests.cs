using System.Net;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Queues;
using Soliday.Tests.Support;

namespace Soliday.Tests.Storage;

/// <summary>
/// The local host's Azurite keeps its indexes up to date through a delete instead of sorting them
/// again (functions/Soliday.Local/npm/removals-keep-indexes.js), and lists the blobs under a prefix
/// from the stretch of its name index they sit in, its first names first (blobs-by-name.js). Whatever is deleted, one at a
/// time or many at once, every later read and listing must answer exactly as before: what was
/// deleted is gone, and everything else is still found, by name, by prefix and by partition.
/// </summary>
public sealed class AzuriteDeletesAndListingsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Entries = 60;
    private const int BlobsEach = 5;

    [Fact]
    public async Task Blobs_deleted_one_at_a_time_and_together_are_gone_and_every_other_blob_is_still_found()
    {
        var containers = new[] { "removals-a", "removals-b" }.Select(name => azurite.Blobs.GetBlobContainerClient(name)).ToList();
        await Task.WhenAll(containers.Select(c => c.CreateIfNotExistsAsync()));
        var present = new HashSet<(int Container, string Name)>();
        foreach (var container in Enumerable.Range(0, containers.Count))
        {
            foreach (var entry in Enumerable.Range(0, Entries))
            {
                await Task.WhenAll(Enumerable.Range(0, BlobsEach).Select(async blob =>
                {
                    var name = $"entry-{entry:D3}/{blob}.json";
                    await containers[container].UploadBlobAsync(name, BinaryData.FromString($"{container} {name}"));
                    lock (present)
                    {
                        present.Add((container, name));
                    }
                }));
            }
        }

        var random = new Random(20260620);
        for (var round = 0; round < 12; round++)
        {
            // Half the rounds delete one blob after another, half a dozen at once.
            var doomed = present.OrderBy(_ => random.Next()).Take(round % 2 == 0 ? 3 : 8).ToList();
            if (round % 2 == 0)
            {
                foreach (var (container, name) in doomed)
                {
                    await containers[container].DeleteBlobAsync(name);
                }
            }
            else
            {
                await Task.WhenAll(doomed.Select(d => containers[d.Container].DeleteBlobAsync(d.Name)));
            }

            present.ExceptWith(doomed);
            foreach (var (container, name) in doomed)
            {
                Assert.False(await containers[container].GetBlobClient(name).ExistsAsync());
            }

            foreach (var container in Enumerable.Range(0, containers.Count))
            {
                var listed = new List<string>();
                await foreach (var blob in containers[container].GetBlobsAsync())
                {
                    listed.Add(blob.Name);
                }

                Assert.Equal(present.Where(p => p.Container == container).Select(p => p.Name).Order(StringComparer.Ordinal), listed);

                var prefix = $"entry-{random.Next(Entries):D3}/";
                var underPrefix = new List<string>();
                await foreach (var blob in containers[container].GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, CancellationToken.None))
                {
                    underPrefix.Add(blob.Name);
                }

                Assert.Equal(present.Where(p => p.Container == container && p.Name.StartsWith(prefix, StringComparison.Ordinal)).Select(p => p.Name).Order(StringComparer.Ordinal), underPrefix);
            }

            var (someContainer, someName) = present.ElementAt(random.Next(present.Count));
            Assert.Equal($"{someContainer} {someName}", (await containers[someContainer].GetBlobClient(someName).DownloadContentAsync()).Value.Content.ToString());
        }
    }

    /// <summary>
    /// A listing looks at the first few hundred names of its folder first (blobs-by-name.js): pages
    /// must come whole and in order past everything that sits among those names but is not listed
    /// (the same names in another container, snapshots, blocks not yet committed).
    /// </summary>
    [Fact]
    public async Task A_large_folder_lists_whole_and_in_order_in_pages_past_names_it_does_not_list()
    {
        var board = azurite.Blobs.GetBlobContainerClient("listing-board");
        var other = azurite.Blobs.GetBlobContainerClient("listing-other");
        await Task.WhenAll(board.CreateIfNotExistsAsync(), other.CreateIfNotExistsAsync());
        var names = Enumerable.Range(0, 700).Select(i => $"waiting/{i:D4}.json").ToList();
        foreach (var batch in names.Chunk(50))
        {
            await Task.WhenAll(batch.Select(name => board.UploadBlobAsync(name, BinaryData.FromString(name))));
        }

        // Among the board's first names in the index: the first 400 again in another container, ...
        foreach (var batch in names.Take(400).Chunk(50))
        {
            await Task.WhenAll(batch.Select(name => other.UploadBlobAsync(name, BinaryData.FromString(name))));
        }

        // ... snapshots of 100, blocks staged under 300 names not yet committed, and names just outside the folder.
        var snapshotted = names.Skip(100).Take(100).ToList();
        await Task.WhenAll(snapshotted.Select(name => board.GetBlobClient(name).CreateSnapshotAsync()));
        var staged = Enumerable.Range(0, 300).Select(i => $"waiting/{i:D4}.staged").ToList();
        foreach (var batch in staged.Chunk(50))
        {
            await Task.WhenAll(batch.Select(name => board.GetBlockBlobClient(name).StageBlockAsync(Convert.ToBase64String("block-01"u8), new MemoryStream("staged"u8.ToArray()))));
        }

        await Task.WhenAll(new[] { "waiting.json", "waiting0", "waiting0/after.json", "waitinf/before.json" }.Select(name => board.UploadBlobAsync(name, BinaryData.FromString(name))));

        var pages = await ListInPagesAsync(board, BlobStates.None, 50);
        Assert.Equal(names, pages.SelectMany(page => page));
        Assert.Equal(14, pages.Count);
        Assert.All(pages, page => Assert.Equal(50, page.Count));

        Assert.Equal(names, (await ListInPagesAsync(board, BlobStates.None, 5000)).Single());
        Assert.Equal(names.Take(400), (await ListInPagesAsync(other, BlobStates.None, 7)).SelectMany(page => page));
        Assert.Equal(
            names.Concat(snapshotted).Order(StringComparer.Ordinal),
            (await ListInPagesAsync(board, BlobStates.Snapshots, 50)).SelectMany(page => page));
        Assert.Equal(
            names.Concat(staged).Order(StringComparer.Ordinal),
            (await ListInPagesAsync(board, BlobStates.Uncommitted, 50)).SelectMany(page => page));
    }

    private static async Task<List<List<string>>> ListInPagesAsync(BlobContainerClient container, BlobStates states, int pageSize)
    {
        var pages = new List<List<string>>();
        await foreach (var page in container.GetBlobsAsync(BlobTraits.None, states, "waiting/", CancellationToken.None).AsPages(pageSizeHint: pageSize))
        {
            pages.Add([.. page.Values.Select(blob => blob.Name)]);
        }

        return pages;
    }

    [Fact]
    public async Task Rows_and_messages_deleted_are_gone_and_the_rest_still_read_by_partition_and_in_order()
    {
        var table = new TableClient(azurite.ConnectionString, "removals");
        await table.CreateIfNotExistsAsync();
        foreach (var partition in Enumerable.Range(0, 10))
        {
            await table.SubmitTransactionAsync(Enumerable.Range(0, 20).Select(row =>
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"p{partition}", $"{row:D3}"))));
        }

        var deleted = new[] { ("p3", "007"), ("p3", "000"), ("p9", "019"), ("p0", "010") };
        foreach (var (partition, row) in deleted)
        {
            await table.DeleteEntityAsync(partition, row);
        }

        foreach (var partition in new[] { "p0", "p3", "p9", "p5" })
        {
            var rows = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
            {
                rows.Add(row.RowKey);
            }

            Assert.Equal(Enumerable.Range(0, 20).Select(r => $"{r:D3}").Where(r => !deleted.Contains((partition, r))), rows);
        }

        var gone = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p3", "007"));
        Assert.Equal((int)HttpStatusCode.NotFound, gone.Status);

        var queue = new QueueClient(azurite.ConnectionString, "removals");
        await queue.CreateIfNotExistsAsync();
        foreach (var i in Enumerable.Range(0, 12))
        {
            await queue.SendMessageAsync($"message {i:D2}");
        }

        var firstFive = (await queue.ReceiveMessagesAsync(maxMessages: 5)).Value;
        await Task.WhenAll(firstFive.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
        var rest = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value;
        Assert.Equal(Enumerable.Range(5, 7).Select(i => $"message {i:D2}"), rest.Select(m => m.MessageText));
    }
}
