using Azure;
using Azure.Storage.Blobs;
using Soliday.Entries;

namespace Soliday.Storage;

/// <summary>An entry's record as it was read or written, with the version (ETag) it has in storage.</summary>
public sealed record StoredEntry(Entry Entry, ETag Version);

/// <summary>Entry records, one JSON blob each. Updates compare ETags, so no change is ever lost.</summary>
public sealed class EntryStore(BlobServiceClient blobs)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Entries);

    public Task<bool> CreateAsync(Entry entry, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.Record(entry.Id)).CreateOnceAsync(SolidayJson.Serialize(entry), BlobWrites.Json, cancellationToken);

    public async Task<Entry?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var read = await Container.GetBlobClient(StorageLayout.Record(id)).ReadAsync(cancellationToken);
        return read is { } found ? SolidayJson.Deserialize<Entry>(found.Content) : null;
    }

    public async Task<Entry> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Entry {id} has no record.");

    /// <summary>The record with its version, for an update to start from (<see cref="UpdateFromAsync"/>).</summary>
    public Task<StoredEntry> GetStoredAsync(string id, CancellationToken cancellationToken = default) =>
        ReadStoredAsync(Container.GetBlobClient(StorageLayout.Record(id)), id, cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the latest record, retrying when another writer got there first.</summary>
    public async Task<Entry> UpdateAsync(string id, Func<Entry, Entry> change, CancellationToken cancellationToken = default) =>
        (await UpdateFromAsync(id, known: null, change, cancellationToken)).Entry;

    /// <summary>
    /// As <see cref="UpdateAsync"/>, starting from a version of the record this caller read or wrote
    /// itself: written on the condition that the record is still that version, so it costs no read
    /// unless another writer changed it since (then it reads the latest and tries again). Returns the
    /// record as written, with its new version.
    /// </summary>
    public Task<StoredEntry> UpdateFromAsync(string id, StoredEntry? known, Func<Entry, Entry> change, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(StorageLayout.Record(id));
        var first = known;
        return OptimisticConcurrency.RetryAsync($"Updating entry {id}", async () =>
        {
            var current = first ?? await ReadStoredAsync(blob, id, cancellationToken);
            first = null;
            var changed = change(current.Entry);
            var written = await blob.TryReplaceAsync(SolidayJson.Serialize(changed), BlobWrites.Json, current.Version, cancellationToken);
            return (written is not null, new StoredEntry(changed, written.GetValueOrDefault()));
        }, cancellationToken);
    }

    private static async Task<StoredEntry> ReadStoredAsync(BlobClient blob, string id, CancellationToken cancellationToken)
    {
        var (content, etag) = await blob.ReadAsync(cancellationToken) ?? throw new InvalidOperationException($"Entry {id} has no record.");
        return new StoredEntry(SolidayJson.Deserialize<Entry>(content), etag);
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.Record(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
