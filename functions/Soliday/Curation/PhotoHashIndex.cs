using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;

namespace Soliday.Curation;

/// <summary>The hashes of one entry's photo, as the duplicate check reads them.</summary>
public sealed record PhotoHashes(string SubmissionId, int PhotoIndex, string Sha256, string PerceptualHash);

/// <summary>
/// Every photo's hashes, for the duplicate flags. One append blob: adding an entry never waits for
/// another, and reading the whole day's hashes is one download (about 150 bytes an entry).
/// </summary>
public sealed class PhotoHashIndex(BlobServiceClient blobs)
{
    private AppendBlobClient Log => blobs.GetBlobContainerClient(StorageLayout.Curation).GetAppendBlobClient(StorageLayout.PhotoHashIndex);

    public async Task<IReadOnlyList<PhotoHashes>> ReadAsync(CancellationToken cancellationToken = default) =>
        [.. (await Log.ReadLinesAsync(cancellationToken)).Select(line => SolidayJson.Deserialize<PhotoHashes>(BinaryData.FromString(line)))];

    public async Task AddAsync(IEnumerable<PhotoHashes> hashes, CancellationToken cancellationToken = default)
    {
        foreach (var photo in hashes)
        {
            await Log.AppendLineAsync(SolidayJson.Serialize(photo).ToString(), cancellationToken);
        }
    }
}
