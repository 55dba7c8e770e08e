using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;

namespace Soliday.Storage;

/// <summary>
/// What the curation board counts, kept in a few small blobs beside its index so a view reads the
/// same few whether 50 or 10,000 entries wait. Waiting and the tallies go up and down with the cards;
/// arrivals and decisions only go up (a page remembers the arrivals it opened with, and tells the
/// curator how many came since).
/// </summary>
public sealed record BoardCounts
{
    public static BoardCounts None { get; } = new();

    public int Waiting { get; init; }

    /// <summary>Cards ever put on the board for the first time: a redelivered step does not count again.</summary>
    public long Arrived { get; init; }

    /// <summary>Waiting entries by what a curator filters on: <c>hour:07</c>, <c>source:web</c>, <c>flag:duplicate</c>. A tally at zero is dropped.</summary>
    public IReadOnlyDictionary<string, int> Tallies { get; init; } = new Dictionary<string, int>();

    /// <summary>Decisions taken, by kind (<c>approve</c>, <c>reject</c>), each counted once.</summary>
    public IReadOnlyDictionary<string, long> Decided { get; init; } = new Dictionary<string, long>();

    public int TallyOf(string tally) => Tallies.TryGetValue(tally, out var count) ? count : 0;

    public long DecidedOf(string kind) => Decided.TryGetValue(kind, out var count) ? count : 0;

    /// <summary>The counts with a card's tallies added (+1) or taken away (-1).</summary>
    public BoardCounts Tallied(IEnumerable<string> tallies, int change)
    {
        var next = new Dictionary<string, int>(Tallies);
        foreach (var tally in tallies)
        {
            next[tally] = next.GetValueOrDefault(tally) + change;
            if (next[tally] <= 0)
            {
                next.Remove(tally);
            }
        }

        return this with { Tallies = next };
    }

    /// <summary>Both counts added up: how a view makes one board of the shards.</summary>
    public BoardCounts Plus(BoardCounts other) => new()
    {
        Waiting = Waiting + other.Waiting,
        Arrived = Arrived + other.Arrived,
        Tallies = Sum(Tallies, other.Tallies),
        Decided = Sum(Decided, other.Decided),
    };

    private static Dictionary<string, T> Sum<T>(IReadOnlyDictionary<string, T> first, IReadOnlyDictionary<string, T> second)
        where T : System.Numerics.INumber<T>
    {
        var sum = new Dictionary<string, T>(first);
        foreach (var (key, value) in second)
        {
            sum[key] = sum.GetValueOrDefault(key, T.Zero) + value;
        }

        return sum;
    }

    public BoardCounts WithDecision(string kind) =>
        this with { Decided = new Dictionary<string, long>(Decided) { [kind] = DecidedOf(kind) + 1 } };
}

/// <summary>
/// The <see cref="BoardCounts"/>, kept in <see cref="Shards"/> small blobs, each changed with a
/// write that wins only if nobody wrote it since (ETag). One blob would take every writer of the
/// day in turn: a hundred approvals at once lost to each other until their attempts ran out. An
/// entry's changes all go to one shard (chosen from its id), so no shard counts a card it never
/// counted in; a view reads every shard at once and adds them up.
/// </summary>
public sealed class BoardCountsBlob(BlobServiceClient blobs)
{
    public const int Shards = 16;

    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Curation);

    public async Task<BoardCounts> ReadAsync(CancellationToken cancellationToken = default)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, Shards).Select(shard => ReadShardAsync(shard, cancellationToken)));
        return shards.Aggregate(BoardCounts.None, (total, shard) => total.Plus(shard));
    }

    /// <summary>
    /// What this process last wrote to each shard, with its ETag. Most changes to a shard come from
    /// the process that wrote it last, so a change starts from this and reads the shard only when
    /// someone else wrote it since (the write then loses, and the next attempt reads).
    /// </summary>
    private readonly ConcurrentDictionary<int, (BoardCounts Counts, ETag ETag)> _lastWritten = new();

    /// <summary>Changes the counts in the shard of entry <paramref name="id"/>.</summary>
    public Task ChangeAsync(string id, Func<BoardCounts, BoardCounts> change, CancellationToken cancellationToken = default)
    {
        var shard = ShardOf(id);
        var blob = Container.GetBlobClient(StorageLayout.BoardCountsShard(shard));
        (BoardCounts Counts, ETag? ETag)? known = _lastWritten.TryGetValue(shard, out var last) ? (last.Counts, last.ETag) : null;
        return OptimisticConcurrency.RetryAsync("Counting the board", async () =>
        {
            var (counts, etag) = known ?? await ReadWithETagAsync(blob, cancellationToken);
            known = null;
            var changed = change(counts);
            if (await TryWriteAsync(blob, changed, etag, cancellationToken) is not { } written)
            {
                return (false, true);
            }

            _lastWritten[shard] = (changed, written);
            return (true, true);
        }, cancellationToken);
    }

    private static async Task<(BoardCounts Counts, ETag? ETag)> ReadWithETagAsync(BlobClient blob, CancellationToken cancellationToken) =>
        await blob.ReadAsync(cancellationToken) is { } read ? (SolidayJson.Deserialize<BoardCounts>(read.Content), read.ETag) : (BoardCounts.None, null);

    /// <summary>The new version's ETag, or null when the shard is not the version the change started from (written since, or gone).</summary>
    private static async Task<ETag?> TryWriteAsync(BlobClient blob, BoardCounts counts, ETag? startedFrom, CancellationToken cancellationToken)
    {
        try
        {
            return await blob.TryReplaceAsync(SolidayJson.Serialize(counts), BlobWrites.Json, startedFrom, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private async Task<BoardCounts> ReadShardAsync(int shard, CancellationToken cancellationToken) =>
        await Container.GetBlobClient(StorageLayout.BoardCountsShard(shard)).ReadAsync(cancellationToken) is { } read
            ? SolidayJson.Deserialize<BoardCounts>(read.Content)
            : BoardCounts.None;

    /// <summary>FNV-1a of the id: the same shard in every process and every release (string.GetHashCode is not).</summary>
    internal static int ShardOf(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Shards);
    }
}
