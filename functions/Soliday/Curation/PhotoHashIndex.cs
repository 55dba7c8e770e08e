using System.Text.Json.Serialization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;

namespace Soliday.Curation;

/// <summary>The hashes of one entry's photo, as the duplicate check reads them.</summary>
public sealed record PhotoHashes(string SubmissionId, int PhotoIndex, string Sha256, string PerceptualHash);

/// <summary>
/// Every photo's hashes, for the duplicate flags. One append blob: adding an entry never waits for
/// another, and reading the whole day's hashes is one download (about 150 bytes an entry).
/// A taken-down entry's hashes are not cut out (rewriting the blob would race every append):
/// a tombstone line is appended instead, and reading leaves out every line of that entry, whether
/// it came before or after the tombstone.
/// </summary>
public sealed class PhotoHashIndex(BlobServiceClient blobs)
{
    private AppendBlobClient Log => blobs.GetBlobContainerClient(StorageLayout.Curation).GetAppendBlobClient(StorageLayout.PhotoHashIndex);

    public async Task<IReadOnlyList<PhotoHashes>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var lines = (await Log.ReadLinesAsync(cancellationToken)).Select(line => SolidayJson.Deserialize<IndexLine>(BinaryData.FromString(line))).ToList();
        var withdrawn = lines.Where(l => l.Withdrawn).Select(l => l.SubmissionId).ToHashSet(StringComparer.Ordinal);
        return [.. lines
            .Where(l => !l.Withdrawn && !withdrawn.Contains(l.SubmissionId))
            .Select(l => new PhotoHashes(l.SubmissionId, l.PhotoIndex, l.Sha256 ?? "", l.PerceptualHash ?? ""))];
    }

    public async Task AddAsync(IEnumerable<PhotoHashes> hashes, CancellationToken cancellationToken = default)
    {
        foreach (var photo in hashes)
        {
            await Log.AppendLineAsync(SolidayJson.Serialize(new IndexLine(photo.SubmissionId, photo.PhotoIndex, photo.Sha256, photo.PerceptualHash)).ToString(), cancellationToken);
        }
    }

    /// <summary>Leaves the entry's photos out of every later read: its sender took it down. Safe to repeat.</summary>
    public Task ForgetAsync(string submissionId, CancellationToken cancellationToken = default) =>
        Log.AppendLineAsync(SolidayJson.Serialize(new IndexLine(submissionId, Withdrawn: true)).ToString(), cancellationToken);

    /// <summary>A line of the blob: one photo's hashes, or a tombstone for a whole entry.</summary>
    private sealed record IndexLine(string SubmissionId, int PhotoIndex = 0, string? Sha256 = null, string? PerceptualHash = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Withdrawn = false);
}
