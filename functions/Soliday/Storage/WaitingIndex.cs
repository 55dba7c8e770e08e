using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Soliday.Storage;

/// <summary>One page of the waiting entries' cards, oldest arrival first, and where the next page starts (null on the last).</summary>
public sealed record WaitingPage(IReadOnlyList<BinaryData> Cards, string? Continuation);

/// <summary>
/// The entries waiting for a curator, one blob per entry holding its card, named by arrival so a
/// page of the board is one listing and one read per card: the same cost with 50 or 10,000
/// waiting. The workflow's steps keep it: an entry offered to curators goes in, a decided, published,
/// discarded or erased one comes out (its blob deleted, so nothing of an erased entry stays here).
/// </summary>
public sealed class WaitingIndex(BlobServiceClient blobs)
{
    /// <summary>A page of the board: enough to work through, small enough to read in one go.</summary>
    public const int PageSize = 50;

    /// <summary>The largest page a client may ask for: each card is one read.</summary>
    public const int MaxPageSize = 200;

    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Curation);

    /// <summary>Adds or replaces the entry's card (a redelivered step writes the same blob again).</summary>
    public Task PutAsync(string id, DateTimeOffset arrivedAt, BinaryData card, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.WaitingCard(id, arrivedAt)).UploadAsync(card, new BlobUploadOptions { HttpHeaders = BlobWrites.Json }, cancellationToken);

    /// <summary>The entry's card, or null when it is not on the board.</summary>
    public async Task<BinaryData?> FindAsync(string id, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(StorageLayout.WaitingCard(id, arrivedAt)).ReadAsync(cancellationToken))?.Content;

    /// <summary>Takes the entry off the board; nothing happens when it is not on it.</summary>
    public Task RemoveAsync(string id, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.WaitingCard(id, arrivedAt)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Whether the entries that were waiting before the index existed have been given their cards.</summary>
    public async Task<bool> IsFilledAsync(CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(StorageLayout.WaitingIndexFilled).ExistsAsync(cancellationToken)).Value;

    public Task MarkFilledAsync(CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.WaitingIndexFilled).UploadAsync(BinaryData.FromString("{}"), new BlobUploadOptions { HttpHeaders = BlobWrites.Json }, cancellationToken);

    /// <summary>
    /// The page that starts at <paramref name="continuation"/> (the first page when null). A card
    /// removed between the listing and its read is left out: it is no longer waiting. Null for a
    /// continuation the store does not recognise (made up, or from another account).
    /// </summary>
    public async Task<WaitingPage?> ReadPageAsync(string? continuation, int pageSize = PageSize, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        try
        {
            return await ReadListedPageAsync(continuation, size, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return null;
        }
    }

    private async Task<WaitingPage> ReadListedPageAsync(string? continuation, int size, CancellationToken cancellationToken)
    {
        await foreach (var page in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StorageLayout.WaitingFolder, cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuation) ? null : continuation, size).WithCancellation(cancellationToken))
        {
            var reads = await Task.WhenAll(page.Values.Select(item => Container.GetBlobClient(item.Name).ReadAsync(cancellationToken)));
            return new WaitingPage([.. reads.OfType<(BinaryData Content, ETag ETag)>().Select(r => r.Content)], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new WaitingPage([], null);
    }
}
