using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Soliday.Storage;

/// <summary>One page of curators' decisions, newest first, and where the next page starts (null on the last).</summary>
public sealed record DecidedPage(IReadOnlyList<BinaryData> Notes, string? Continuation);

/// <summary>
/// Curators' decisions, newest first, one small note each (who, what, when, which entry; never the
/// entry's words, which are read from its record, so an erasure leaves nothing of them here). Read
/// a page at a time, so the recent decisions cost the same to show however many there were.
/// </summary>
public sealed class DecidedIndex(BlobServiceClient blobs, BoardCountsBlob counts)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Curation);

    /// <summary>Notes the decision, and counts it under <paramref name="kind"/>, once: the same decision noted again changes nothing.</summary>
    public async Task RecordAsync(string id, DateTimeOffset decidedAt, string kind, BinaryData note, CancellationToken cancellationToken = default)
    {
        if (await Container.GetBlobClient(StorageLayout.DecidedNote(id, decidedAt)).CreateOnceAsync(note, BlobWrites.Json, cancellationToken))
        {
            await counts.ChangeAsync(id, c => c.WithDecision(kind), cancellationToken);
        }
    }

    /// <summary>The page that starts at <paramref name="continuation"/>; null for a continuation the store does not recognise.</summary>
    public async Task<DecidedPage?> ReadPageAsync(string? continuation, int pageSize, CancellationToken cancellationToken = default)
    {
        try
        {
            await foreach (var page in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, StorageLayout.DecidedFolder, cancellationToken)
                .AsPages(string.IsNullOrEmpty(continuation) ? null : continuation, Math.Clamp(pageSize, 1, WaitingIndex.MaxPageSize)).WithCancellation(cancellationToken))
            {
                var reads = await Task.WhenAll(page.Values.Select(item => Container.GetBlobClient(item.Name).ReadAsync(cancellationToken)));
                return new DecidedPage([.. reads.OfType<(BinaryData Content, ETag ETag)>().Select(r => r.Content)], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }

            return new DecidedPage([], null);
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            return null;
        }
    }
}
