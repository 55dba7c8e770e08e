using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>
/// The indexes this process last read or wrote, each with the ETag storage gave it. A read sends that
/// ETag (If-None-Match): when the blob has not changed, storage answers 304 with no body, so a busy
/// hour's index (about 750 KB at 850 entries, read five or six times by every publish into it) is
/// neither downloaded nor parsed again. Every read still asks storage, so what it returns is never
/// older than what storage holds: this saves bytes, not round trips, and cannot serve a stale index.
/// </summary>
public sealed class IndexSnapshots
{
    private const int NotModified = 304;

    private readonly ConcurrentDictionary<string, Snapshot> _known = new(StringComparer.Ordinal);

    /// <summary>An index as stored now with its ETag, or null when there is no such blob.</summary>
    public async Task<(HourIndex Index, ETag ETag)?> ReadAsync(BlobClient blob, CancellationToken cancellationToken = default)
    {
        _known.TryGetValue(blob.Name, out var known);
        try
        {
            var options = new BlobDownloadOptions { Conditions = known is null ? null : new BlobRequestConditions { IfNoneMatch = known.ETag } };
            var response = await blob.DownloadContentAsync(options, cancellationToken);
            if (response.GetRawResponse().Status == NotModified && known is not null)
            {
                return (known.Index, known.ETag); // unchanged since this process last saw it: no body sent
            }

            var result = response.Value;
            var index = SolidayJson.Deserialize<HourIndex>(result.Content);
            Remember(blob.Name, result.Details.ETag, index);
            return (index, result.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            _known.TryRemove(blob.Name, out _);
            return null;
        }
    }

    /// <summary>What this process just wrote, so its next read of the blob costs no download.</summary>
    public void Remember(string blobName, ETag etag, HourIndex index) => _known[blobName] = new Snapshot(etag, index);

    private sealed record Snapshot(ETag ETag, HourIndex Index);
}
