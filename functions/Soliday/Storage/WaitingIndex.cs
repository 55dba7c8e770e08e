using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Soliday.Storage;

/// <summary>One page of the waiting entries' cards, in the order asked for, and where the next page starts (null on the last).</summary>
public sealed record WaitingPage(IReadOnlyList<BinaryData> Cards, string? Continuation);

/// <summary>
/// The entries waiting for a curator, one blob per entry holding its card, named by arrival so a
/// page of the board is one listing and one read per card: the same cost with 50 or 10,000
/// waiting. An empty mark per entry, named by the arrival counted back from the end of time, lists
/// them newest first. The workflow's steps keep it: an entry offered to curators goes in, a decided,
/// published, discarded or erased one comes out (its blob deleted, so nothing of an erased entry
/// stays here). Every change moves the <see cref="BoardCounts"/> by the card's tallies, kept in the
/// card's metadata so a removal knows what to take away without reading the card.
/// </summary>
public sealed class WaitingIndex(BlobServiceClient blobs, BoardCountsBlob counts)
{
    /// <summary>A page of the board: enough to work through, small enough to read in one go.</summary>
    public const int PageSize = 50;

    /// <summary>The largest page a client may ask for: each card is one read.</summary>
    public const int MaxPageSize = 200;

    private const string TalliesKey = "tallies";

    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Curation);

    /// <summary>
    /// Adds or replaces the entry's card (a redelivered step writes the same blob again, and counts
    /// nothing twice). <paramref name="tallies"/> are what the board counts it under: <c>hour:07</c>, <c>source:web</c>.
    /// </summary>
    public async Task PutAsync(string id, DateTimeOffset arrivedAt, BinaryData card, IReadOnlyCollection<string> tallies, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(StorageLayout.WaitingCard(id, arrivedAt));
        var metadata = new Dictionary<string, string> { [TalliesKey] = string.Join(' ', tallies) };

        // Almost every card is new: create it, and read what is there only when one already was.
        var created = await blob.ReplaceIfUnchangedAsync(card, BlobWrites.Json, readETag: null, cancellationToken, metadata);
        var before = created ? null : await OptimisticConcurrency.RetryAsync($"Putting {blob.Name} on the board", async () =>
        {
            var (old, etag) = await TalliesAsync(blob, cancellationToken);
            return await blob.ReplaceIfUnchangedAsync(card, BlobWrites.Json, etag, cancellationToken, metadata) ? (true, old) : (false, old);
        }, cancellationToken);

        if (before is null)
        {
            await Container.GetBlobClient(StorageLayout.WaitingNewestMark(id, arrivedAt)).UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);
            await counts.ChangeAsync(id, c => c.Tallied(tallies, +1) with { Waiting = c.Waiting + 1, Arrived = c.Arrived + 1 }, cancellationToken);
        }
        else if (!before.Order().SequenceEqual(tallies.Order(), StringComparer.Ordinal))
        {
            await counts.ChangeAsync(id, c => c.Tallied(before, -1).Tallied(tallies, +1), cancellationToken);
        }
    }

    /// <summary>The entry's card, or null when it is not on the board.</summary>
    public async Task<BinaryData?> FindAsync(string id, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(StorageLayout.WaitingCard(id, arrivedAt)).ReadAsync(cancellationToken))?.Content;

    /// <summary>Takes the entry off the board; nothing happens when it is not on it (and nothing is counted off twice).</summary>
    public async Task RemoveAsync(string id, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(StorageLayout.WaitingCard(id, arrivedAt));
        var removed = await OptimisticConcurrency.RetryAsync($"Taking {blob.Name} off the board", async () =>
        {
            var (tallies, etag) = await TalliesAsync(blob, cancellationToken);
            if (etag is not { } current)
            {
                return (true, (IReadOnlyList<string>?)null);
            }

            try
            {
                await blob.DeleteAsync(conditions: new BlobRequestConditions { IfMatch = current }, cancellationToken: cancellationToken);
                return (true, tallies);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return (false, null); // changed or taken off meanwhile: look again
            }
        }, cancellationToken);

        await Container.GetBlobClient(StorageLayout.WaitingNewestMark(id, arrivedAt)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        if (removed is not null)
        {
            await counts.ChangeAsync(id, c => c.Tallied(removed, -1) with { Waiting = Math.Max(0, c.Waiting - 1) }, cancellationToken);
        }
    }

    /// <summary>
    /// How many entries still wait that arrived before <paramref name="arrivedBefore"/>, and when
    /// the first of them came: read from the cards' names alone, oldest first, so the listing stops
    /// at the first that came later, and no card is opened.
    /// </summary>
    public async Task<(int Count, DateTimeOffset? Oldest)> WaitingSinceAsync(DateTimeOffset arrivedBefore, CancellationToken cancellationToken = default)
    {
        var count = 0;
        DateTimeOffset? oldest = null;
        await foreach (var card in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StorageLayout.WaitingFolder, cancellationToken))
        {
            var arrived = StorageLayout.ArrivalOfCard(card.Name);
            if (arrived >= arrivedBefore)
            {
                break;
            }

            oldest ??= arrived;
            count++;
        }

        return (count, oldest);
    }

    /// <summary>Whether the entries that were waiting before the index existed have been given their cards.</summary>
    public async Task<bool> IsFilledAsync(CancellationToken cancellationToken = default) =>
        (await Container.GetBlobClient(StorageLayout.WaitingIndexFilled).ExistsAsync(cancellationToken)).Value;

    public Task MarkFilledAsync(CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.WaitingIndexFilled).UploadAsync(BinaryData.FromString("{}"), new BlobUploadOptions { HttpHeaders = BlobWrites.Json }, cancellationToken);

    /// <summary>
    /// The page that starts at <paramref name="continuation"/> (the first page when null), oldest
    /// arrival first or newest. A card removed between the listing and its read is left out: it is
    /// no longer waiting. Null for a continuation the store does not recognise (made up, or from
    /// another account); one from the other order reads as the end.
    /// </summary>
    public async Task<WaitingPage?> ReadPageAsync(string? continuation, int pageSize = PageSize, bool newestFirst = false, CancellationToken cancellationToken = default)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        try
        {
            return await ReadListedPageAsync(continuation, size, newestFirst, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return null;
        }
    }

    private async Task<WaitingPage> ReadListedPageAsync(string? continuation, int size, bool newestFirst, CancellationToken cancellationToken)
    {
        var folder = newestFirst ? StorageLayout.WaitingNewestFolder : StorageLayout.WaitingFolder;
        await foreach (var page in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder, cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuation) ? null : continuation, size).WithCancellation(cancellationToken))
        {
            var names = page.Values.Select(item => newestFirst ? StorageLayout.WaitingCardOfMark(item.Name) : item.Name);
            var reads = await Task.WhenAll(names.Select(name => Container.GetBlobClient(name).ReadAsync(cancellationToken)));
            return new WaitingPage([.. reads.OfType<(BinaryData Content, ETag ETag)>().Select(r => r.Content)], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new WaitingPage([], null);
    }

    /// <summary>The tallies a card was counted under and its ETag; (null, null) when it is not on the board.</summary>
    private static async Task<(IReadOnlyList<string>? Tallies, ETag? ETag)> TalliesAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var tallies = properties.Metadata.TryGetValue(TalliesKey, out var joined) ? joined.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            return (tallies, properties.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}
