using System.Diagnostics;
using System.Text;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;

namespace Soliday.Imaging;

/// <summary>The hashes of one entry's photo, as the duplicate check reads them.</summary>
public sealed record PhotoHashes(string SubmissionId, int PhotoIndex, string Sha256, string PerceptualHash);

/// <summary>
/// Every photo's hashes, for the duplicate flags. One append blob: adding an entry never waits for
/// another, and reading the whole day's hashes is one download (about 150 bytes an entry).
/// An erased entry's hashes are cut out: the blob is written again without its lines, under a
/// lease, so no append lands in between and is lost (appends wait for the lease to go; reads
/// made meanwhile wait too, rather than read a half-written index). Erasures are rare (take-downs
/// and removals), so their rewrite of the blob costs the day little.
/// </summary>
public sealed class PhotoHashIndex(BlobServiceClient blobs)
{
    /// <summary>
    /// Long enough to read and write a day's index (a few hundred kilobytes) many times over; short,
    /// so a process that dies holding it blocks appends for seconds only. 15 s is the shortest lease.
    /// </summary>
    private static readonly TimeSpan RewriteLease = TimeSpan.FromSeconds(15);

    /// <summary>How often a writer or reader looks again while a rewrite holds the lease.</summary>
    private static readonly TimeSpan LeasePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>A lease held past its own duration has expired; waiting longer means something else is wrong.</summary>
    private static readonly TimeSpan LeaseWaitLimit = TimeSpan.FromSeconds(30);

    /// <summary>An append block takes at most 4 MiB; a rewrite appends the kept lines in blocks well under that.</summary>
    private const int RewriteBlockBytes = 2 * 1024 * 1024;

    private AppendBlobClient Log => blobs.GetBlobContainerClient(StorageLayout.Curation).GetAppendBlobClient(StorageLayout.PhotoHashIndex);

    public async Task<IReadOnlyList<PhotoHashes>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var lines = (await ReadUnleasedLinesAsync(cancellationToken)).Select(Parse).ToList();

        // Lines marked withdrawn were written before erasures cut lines out; they still hide their entry.
        var withdrawn = lines.Where(l => l.Withdrawn).Select(l => l.SubmissionId).ToHashSet(StringComparer.Ordinal);
        return [.. lines
            .Where(l => !l.Withdrawn && !withdrawn.Contains(l.SubmissionId))
            .Select(l => new PhotoHashes(l.SubmissionId, l.PhotoIndex, l.Sha256 ?? "", l.PerceptualHash ?? ""))];
    }

    public async Task AddAsync(IEnumerable<PhotoHashes> hashes, CancellationToken cancellationToken = default)
    {
        foreach (var photo in hashes)
        {
            var line = SolidayJson.Serialize(new IndexLine(photo.SubmissionId, photo.PhotoIndex, photo.Sha256, photo.PerceptualHash)).ToString();
            await WhileRewrittenAsync(async () => { await Log.AppendLineAsync(line, cancellationToken); return true; }, cancellationToken);
        }
    }

    /// <summary>Cuts every line of the entry out of the index: nothing of its photos stays. Safe to repeat.</summary>
    public async Task EraseAsync(string submissionId, CancellationToken cancellationToken = default)
    {
        var log = Log;
        var lease = log.GetBlobLeaseClient();
        try
        {
            await WhileRewrittenAsync(async () => (await lease.AcquireAsync(RewriteLease, cancellationToken: cancellationToken)).Value, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return; // no index yet: nothing to cut
        }

        try
        {
            var lines = await log.ReadLinesAsync(cancellationToken);
            var kept = lines.Where(line => Parse(line).SubmissionId != submissionId).ToList();
            if (kept.Count == lines.Count)
            {
                return;
            }

            var leased = new AppendBlobRequestConditions { LeaseId = lease.LeaseId };
            await log.CreateAsync(new AppendBlobCreateOptions { Conditions = leased }, cancellationToken);
            foreach (var block in Blocks(kept))
            {
                using var content = new MemoryStream(block);
                await log.AppendBlockAsync(content, new AppendBlobAppendBlockOptions { Conditions = leased }, cancellationToken);
            }
        }
        finally
        {
            await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>The lines, once no rewrite holds the lease (a rewrite in progress may have written only part of them).</summary>
    private async Task<IReadOnlyList<string>> ReadUnleasedLinesAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            BlobDownloadResult download;
            try
            {
                download = (await Log.DownloadContentAsync(cancellationToken)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return [];
            }

            if (download.Details.LeaseState != LeaseState.Leased || waited.Elapsed >= LeaseWaitLimit)
            {
                return download.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }

            await Task.Delay(LeasePoll, cancellationToken);
        }
    }

    /// <summary>Runs <paramref name="action"/>, again and again while a rewrite holds the lease (412, or 409 for a second lease).</summary>
    private static async Task<T> WhileRewrittenAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await action();
            }
            catch (RequestFailedException e) when (IsLeased(e) && waited.Elapsed < LeaseWaitLimit)
            {
                await Task.Delay(LeasePoll, cancellationToken);
            }
        }
    }

    private static bool IsLeased(RequestFailedException e) =>
        e.ErrorCode == BlobErrorCode.LeaseIdMissing || e.ErrorCode == BlobErrorCode.LeaseAlreadyPresent || e.ErrorCode == BlobErrorCode.LeaseIdMismatchWithLeaseOperation;

    private static IEnumerable<byte[]> Blocks(IEnumerable<string> lines)
    {
        var block = new List<byte>();
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\n");
            if (block.Count + bytes.Length > RewriteBlockBytes)
            {
                yield return [.. block];
                block.Clear();
            }

            block.AddRange(bytes);
        }

        if (block.Count > 0)
        {
            yield return [.. block];
        }
    }

    private static IndexLine Parse(string line) => SolidayJson.Deserialize<IndexLine>(BinaryData.FromString(line));

    /// <summary>A line of the blob: one photo's hashes (or, in indexes written before erasures cut lines out, a tombstone).</summary>
    private sealed record IndexLine(string SubmissionId, int PhotoIndex = 0, string? Sha256 = null, string? PerceptualHash = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Withdrawn = false);
}
