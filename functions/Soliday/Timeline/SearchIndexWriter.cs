using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Words;

namespace Soliday.Timeline;

/// <summary>
/// The search files (search/00.json … search/23.json), one per hour, each made whole from its hour's
/// index alone: a publish rewrites the file of the hour it touched, a few hundred bytes an entry of
/// that hour, never a file of the whole day. Each records the hour's version it was made from (see
/// <see cref="VersionedBlob"/>), so concurrent publishes coalesce and an older snapshot never writes
/// over a newer one; a removal raises the version, so the words of an entry taken off leave with it.
/// Stored gzipped: a few hundred bytes an entry come to about a fifth of that on the wire, and the
/// first search fetches all 24 (3.7 MB plain at 10,000 entries).
/// </summary>
public sealed class SearchIndexWriter(BlobServiceClient blobs, IOptions<SolidayOptions> soliday, SiteWords words)
{
    public Task WriteAsync(HourIndex hour, CancellationToken cancellationToken = default) =>
        blobs.GetBlobContainerClient(StorageLayout.Site).GetBlobClient(SitePaths.SearchIndex(hour.Hour)).WriteAsync(SiteContent.ChangingGzipped(SiteContent.Json), recorded =>
        {
            var key = DayReader.VersionKey(hour.Hour);
            if (recorded.Includes(key, hour.Version))
            {
                return Task.FromResult<VersionedContent?>(null); // made from this version or a later one already
            }

            var content = Gzip.Compress(SolidayJson.Serialize(SearchIndexFile.Of(hour, soliday.Value.Zone, words)));
            return Task.FromResult<VersionedContent?>(new VersionedContent(content, new Dictionary<string, long> { [key] = hour.Version }));
        }, cancellationToken: cancellationToken);
}
