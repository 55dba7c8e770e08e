using Azure.Storage.Blobs;
using Soliday.Entries;

namespace Soliday.Storage;

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

    /// <summary>Applies <paramref name="change"/> to the latest record, retrying when another writer got there first.</summary>
    public Task<Entry> UpdateAsync(string id, Func<Entry, Entry> change, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(StorageLayout.Record(id));
        return OptimisticConcurrency.RetryAsync($"Updating entry {id}", async () =>
        {
            var (content, etag) = await blob.ReadAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Entry {id} has no record.");
            var changed = change(SolidayJson.Deserialize<Entry>(content));
            return (await blob.ReplaceIfUnchangedAsync(SolidayJson.Serialize(changed), BlobWrites.Json, etag, cancellationToken), changed);
        }, cancellationToken);
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.Record(id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
