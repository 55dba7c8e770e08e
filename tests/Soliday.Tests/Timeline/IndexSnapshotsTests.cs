using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>
/// An hour's index read again by the process that last saw it costs no download while it is
/// unchanged, and a change made by another process (another instance of the app) is read at once.
/// </summary>
public sealed class IndexSnapshotsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    [Fact]
    public async Task An_unchanged_index_is_not_downloaded_again_and_another_writers_change_is_read_at_once()
    {
        var downloads = new DownloadCounter();
        var (reader, _) = await IndexOnOwnClientAsync(downloads);
        var writer = new TimelineIndex(azurite.Blobs, new IndexSnapshots()); // another instance of the app
        await writer.UpdateHourAsync(Day, 12, h => h.Upsert(Entry("a")));

        var first = await reader.ReadHourAsync(Day, 12);
        var again = await reader.ReadHourAsync(Day, 12);
        await writer.UpdateHourAsync(Day, 12, h => h.Upsert(Entry("b")));
        var afterTheChange = await reader.ReadHourAsync(Day, 12);

        Assert.Equal(["a"], again.Entries.Select(e => e.Id));
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(["a", "b"], afterTheChange.Entries.Select(e => e.Id));
        Assert.Equal([200, 304, 200], downloads.Statuses(StorageLayout.HourIndex(Day, 12)));
    }

    [Fact]
    public async Task What_a_process_wrote_itself_is_read_back_without_a_download_and_a_deleted_index_reads_as_empty()
    {
        var downloads = new DownloadCounter();
        var (index, blobs) = await IndexOnOwnClientAsync(downloads);
        await index.UpdateHourAsync(Day, 13, h => h.Upsert(Entry("a")));
        await index.UpdateHourAsync(Day, 13, h => h.Upsert(Entry("b"))); // reads what it wrote first: no download

        var read = await index.ReadHourAsync(Day, 13);
        await blobs.GetBlobContainerClient(StorageLayout.Timeline).DeleteBlobAsync(StorageLayout.HourIndex(Day, 13));
        var deleted = await index.ReadHourAsync(Day, 13);

        Assert.Equal(["a", "b"], read.Entries.Select(e => e.Id));
        Assert.Empty(deleted.Entries);
        Assert.Equal([404, 304, 304, 404], downloads.Statuses(StorageLayout.HourIndex(Day, 13)));
    }

    private async Task<(TimelineIndex Index, BlobServiceClient Blobs)> IndexOnOwnClientAsync(DownloadCounter downloads)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(downloads, HttpPipelinePosition.PerCall);
        var blobs = new BlobServiceClient(azurite.ConnectionString, options);
        await blobs.GetBlobContainerClient(StorageLayout.Timeline).CreateIfNotExistsAsync();
        return (new TimelineIndex(blobs, new IndexSnapshots()), blobs);
    }

    private static TimelineEntry Entry(string id) => new()
    {
        Id = id,
        Text = $"Entry {id}",
        Credit = "Anonymous",
        Licence = "CC-BY-4.0",
        MomentAt = new DateTimeOffset(2026, 6, 20, 12, id[0] - 'a', 0, TimeSpan.FromHours(1)),
        PlacedAt = new DateTimeOffset(2026, 6, 20, 12, id[0] - 'a', 0, TimeSpan.FromHours(1)),
        PublishedAt = DateTimeOffset.UnixEpoch,
        Photos = [],
    };

    /// <summary>The status of every GET of a blob: 200 a download, 304 unchanged (no body), 404 none.</summary>
    private sealed class DownloadCounter : HttpPipelinePolicy
    {
        private readonly List<(string Path, int Status)> _gets = [];

        public IReadOnlyList<int> Statuses(string blobName)
        {
            lock (_gets)
            {
                return [.. _gets.Where(g => g.Path.EndsWith("/" + blobName, StringComparison.Ordinal)).Select(g => g.Status)];
            }
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The index reads asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (message.Request.Method == RequestMethod.Get)
            {
                lock (_gets)
                {
                    _gets.Add((Uri.UnescapeDataString(message.Request.Uri.Path), message.Response.Status));
                }
            }
        }
    }
}
