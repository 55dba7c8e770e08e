using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;
using Soliday.Tests.Support;

namespace Soliday.Tests.Storage;

/// <summary>
/// Ranges of an append blob of many blocks read back byte for byte: the local host's Azurite reads
/// such ranges side by side (npm/reads-of-many-blocks.js), and must answer exactly as Azurite does.
/// </summary>
public sealed class AppendBlobReadTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_range_of_a_blob_of_many_blocks_reads_back_as_written()
    {
        await azurite.ResetAsync();
        var blob = azurite.Blobs.GetBlobContainerClient(StorageLayout.Timeline).GetAppendBlobClient("many-blocks.log");
        await blob.CreateAsync();
        var written = new List<byte>();
        for (var i = 0; i < 300; i++)
        {
            // Blocks of 1 to 700 bytes, each byte telling where it sits, so a piece out of place shows.
            var block = Enumerable.Range(written.Count, 1 + (i * 37 % 700)).Select(at => (byte)(at * 7 % 251)).ToArray();
            await blob.AppendBlockAsync(new MemoryStream(block));
            written.AddRange(block);
        }

        var all = written.ToArray();
        Assert.Equal(all, (await blob.DownloadContentAsync()).Value.Content.ToArray());
        foreach (var (start, length) in new (long, long)[] { (0, 1), (0, 5000), (1, 1), (350, 2000), (all.Length - 192 * 1024 / 4, 192 * 1024 / 4), (all.Length - 1, 1), (12_345, 40_000) })
        {
            var range = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(start, length) });
            Assert.Equal(all.AsSpan((int)start, (int)length).ToArray(), range.Value.Content.ToArray());
        }

        var past = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(all.Length + 10, 5) }));
        Assert.Equal(416, past.Status);
    }
}
