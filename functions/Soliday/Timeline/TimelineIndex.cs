using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>An index before and after a change. <see cref="Changed"/> is false when the change found nothing to do.</summary>
public sealed record IndexUpdate<T>(T Before, T After, bool Changed);

/// <summary>
/// The indexes the site is made from: one small blob per hour, and per tag within an hour. Each is changed by read / change / write-if-unchanged, so concurrent
/// publishers never lose each other's entries, and a publish touches its own hour and tags, not
/// the whole day. Every change raises the index's version, which the pages made from it record.
/// </summary>
public sealed class TimelineIndex(BlobServiceClient blobs, IndexSnapshots snapshots)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Timeline);

    public Task<IndexUpdate<HourIndex>> UpdateHourAsync(DateOnly day, int hour, Func<HourIndex, HourIndex> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(StorageLayout.HourIndex(day, hour), new HourIndex(day, hour, []), change, cancellationToken);

    public Task<IndexUpdate<HourIndex>> UpdateTagHourAsync(DateOnly day, string slug, int hour, Func<HourIndex, HourIndex> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(StorageLayout.TagHourIndex(day, slug, hour), new HourIndex(day, hour, []), change, cancellationToken);

    /// <summary>An hour's index; an empty one at version 0 when nothing was ever published in it.</summary>
    public Task<HourIndex> ReadHourAsync(DateOnly day, int hour, CancellationToken cancellationToken = default) =>
        ReadAsync(StorageLayout.HourIndex(day, hour), new HourIndex(day, hour, []), cancellationToken);

    public Task<HourIndex> ReadTagHourAsync(DateOnly day, string slug, int hour, CancellationToken cancellationToken = default) =>
        ReadAsync(StorageLayout.TagHourIndex(day, slug, hour), new HourIndex(day, hour, []), cancellationToken);

    /// <summary>
    /// Deletes a tag's indexes once none of its hours holds an entry: a tag's name is often the
    /// resident's own words (a hashtag), and an erased entry leaves nothing of them. Only when the
    /// whole tag is empty (its page is deleted then too, so no page keeps a version of an index
    /// that starts again); each blob only if unchanged since it was read empty, so a publish in
    /// between keeps it.
    /// </summary>
    public async Task DeleteTagIfEmptyAsync(DateOnly day, string slug, CancellationToken cancellationToken = default)
    {
        var empty = new List<(BlobClient Blob, ETag ETag)>();
        await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.TagFolder(day, slug) }, cancellationToken))
        {
            var blob = Container.GetBlobClient(item.Name);
            if (await blob.ReadAsync(cancellationToken) is not { } found)
            {
                continue;
            }

            if (SolidayJson.Deserialize<HourIndex>(found.Content).Entries.Count > 0)
            {
                return;
            }

            empty.Add((blob, found.ETag));
        }

        foreach (var (blob, etag) in empty)
        {
            try
            {
                await blob.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = etag }, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Published into meanwhile: it stays, and so does the tag.
            }
        }
    }

    /// <summary>Writes an index whole, unconditionally: for seeding a benchmark or a test, never while publishing.</summary>
    public Task SeedAsync<T>(string blobName, T index, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(blobName).UploadAsync(SolidayJson.Serialize(index), overwrite: true, cancellationToken);

    private async Task<HourIndex> ReadAsync(string name, HourIndex empty, CancellationToken cancellationToken) =>
        await snapshots.ReadAsync(Container.GetBlobClient(name), cancellationToken) is { } found ? found.Index : empty;

    private Task<IndexUpdate<HourIndex>> UpdateAsync(string name, HourIndex empty, Func<HourIndex, HourIndex> change, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(name);
        return OptimisticConcurrency.RetryAsync($"Updating the index {name}", async () =>
        {
            var read = await snapshots.ReadAsync(blob, cancellationToken);
            var current = read?.Index ?? empty;
            var changed = change(current) with { Version = current.Version + 1 };
            if (changed.Entries.SequenceEqual(current.Entries))
            {
                return (true, new IndexUpdate<HourIndex>(current, current, Changed: false)); // nothing to write
            }

            if (await blob.TryReplaceAsync(SolidayJson.Serialize(changed), BlobWrites.Json, read?.ETag, cancellationToken) is not { } written)
            {
                return (false, new IndexUpdate<HourIndex>(current, changed, Changed: true)); // someone else wrote first: read again
            }

            snapshots.Remember(name, written, changed);
            return (true, new IndexUpdate<HourIndex>(current, changed, Changed: true));
        }, cancellationToken);
    }
}
