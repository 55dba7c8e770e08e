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
/// another (about 150 bytes an entry). Every entry offered to curators reads the whole index: the
/// lines this process has read stay in memory and a read downloads only what was appended since
/// (<see cref="ReadIndexLinesAsync"/>), so an offer costs the same early in the day and with 10,000 in.
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

    /// <summary>
    /// Set on the blob by each rewrite: an index rewritten since this process read it must be read
    /// whole again, even when appends since have made it as long as it was.
    /// </summary>
    private const string RewriteMetadata = "rewrite";

    private readonly Lock _gate = new();

    /// <summary>What this process has read of the index so far.</summary>
    private ReadSoFar _read = ReadSoFar.Nothing;

    private AppendBlobClient Log => blobs.GetBlobContainerClient(StorageLayout.Curation).GetAppendBlobClient(StorageLayout.PhotoHashIndex);

    public async Task<IReadOnlyList<PhotoHashes>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var lines = await ReadIndexLinesAsync(cancellationToken);

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
            var rewrite = new Dictionary<string, string> { [RewriteMetadata] = Guid.NewGuid().ToString("N") };
            await log.CreateAsync(new AppendBlobCreateOptions { Conditions = leased, Metadata = rewrite }, cancellationToken);
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

    /// <summary>
    /// Every line, once no rewrite holds the lease (a rewrite in progress may have written only part
    /// of them). Lines are only ever appended whole, so the bytes past what this process has read
    /// are whole lines: only they are downloaded, unless the blob is another one than was read
    /// (rewritten, or deleted and written anew): then all of it.
    /// </summary>
    private async Task<IReadOnlyList<IndexLine>> ReadIndexLinesAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var known = _read;
            BlobDownloadResult download;
            try
            {
                // From the start when nothing was read: a range starting at 0 of an empty blob is refused.
                var range = known.Length == 0 ? default : new HttpRange(known.Length);
                download = (await Log.DownloadContentAsync(new BlobDownloadOptions { Range = range }, cancellationToken)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return [];
            }
            catch (RequestFailedException e) when (e.Status == 416)
            {
                // Nothing past what was read: the same lines, if it is still the same blob.
                var properties = (await Log.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
                if (properties.LeaseState != LeaseState.Leased && known.IsBlob(properties.CreatedOn, properties.Metadata, properties.ContentLength))
                {
                    return known.Lines;
                }

                await ForgetAsync(known, properties.LeaseState, cancellationToken);
                continue;
            }

            var details = download.Details;
            if (details.LeaseState == LeaseState.Leased && waited.Elapsed < LeaseWaitLimit)
            {
                await Task.Delay(LeasePoll, cancellationToken);
                continue;
            }

            if (known.Length > 0 && !known.IsBlob(details.CreatedOn, details.Metadata, length: null))
            {
                await ForgetAsync(known, LeaseState.Available, cancellationToken); // another blob than was read: read it from its start
                continue;
            }

            var appended = download.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Parse);
            var read = new ReadSoFar(details.CreatedOn, RewriteOf(details.Metadata), known.Length + download.Content.ToMemory().Length, [.. known.Lines, .. appended]);
            lock (_gate)
            {
                if (_read == known)
                {
                    _read = read;
                }
            }

            return read.Lines;
        }
    }

    /// <summary>Drops what was read (the blob is not the one read any more), after a pause while a rewrite holds the lease.</summary>
    private async Task ForgetAsync(ReadSoFar stale, LeaseState leaseState, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_read == stale)
            {
                _read = ReadSoFar.Nothing;
            }
        }

        if (leaseState == LeaseState.Leased)
        {
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

    /// <summary>The first <see cref="Length"/> bytes of the blob created at <see cref="CreatedOn"/> (and last rewritten as <see cref="Rewrite"/>), as lines.</summary>
    private sealed record ReadSoFar(DateTimeOffset CreatedOn, string? Rewrite, long Length, IReadOnlyList<IndexLine> Lines)
    {
        public static readonly ReadSoFar Nothing = new(default, null, 0, []);

        /// <summary>Whether the blob with these properties is the one read so far (and, given its length, holds nothing more).</summary>
        public bool IsBlob(DateTimeOffset createdOn, IDictionary<string, string> metadata, long? length) =>
            createdOn == CreatedOn && RewriteOf(metadata) == Rewrite && (length is null || length == Length);
    }

    private static string? RewriteOf(IDictionary<string, string> metadata) => metadata.TryGetValue(RewriteMetadata, out var rewrite) ? rewrite : null;

    private static IndexLine Parse(string line) => SolidayJson.Deserialize<IndexLine>(BinaryData.FromString(line));

    /// <summary>A line of the blob: one photo's hashes (or, in indexes written before erasures cut lines out, a tombstone).</summary>
    private sealed record IndexLine(string SubmissionId, int PhotoIndex = 0, string? Sha256 = null, string? PerceptualHash = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Withdrawn = false);
}
