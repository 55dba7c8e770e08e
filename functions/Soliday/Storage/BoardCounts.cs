using Azure.Storage.Blobs;

namespace Soliday.Storage;

/// <summary>
/// What the curation board counts, kept in one small blob beside its index so a view reads one
/// blob whether 50 or 10,000 entries wait. Waiting and the tallies go up and down with the cards;
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

    public BoardCounts WithDecision(string kind) =>
        this with { Decided = new Dictionary<string, long>(Decided) { [kind] = DecidedOf(kind) + 1 } };
}

/// <summary>The <see cref="BoardCounts"/> blob: read whole, changed with a write that wins only if nobody wrote since (ETag).</summary>
public sealed class BoardCountsBlob(BlobServiceClient blobs)
{
    private BlobClient Blob => blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(StorageLayout.BoardCounts);

    public async Task<BoardCounts> ReadAsync(CancellationToken cancellationToken = default) =>
        await Blob.ReadAsync(cancellationToken) is { } read ? SolidayJson.Deserialize<BoardCounts>(read.Content) : BoardCounts.None;

    public Task ChangeAsync(Func<BoardCounts, BoardCounts> change, CancellationToken cancellationToken = default) =>
        OptimisticConcurrency.RetryAsync("Counting the board", async () =>
        {
            var read = await Blob.ReadAsync(cancellationToken);
            var counts = read is { } r ? SolidayJson.Deserialize<BoardCounts>(r.Content) : BoardCounts.None;
            var written = await Blob.ReplaceIfUnchangedAsync(SolidayJson.Serialize(change(counts)), BlobWrites.Json, read?.ETag, cancellationToken);
            return (written, true);
        }, cancellationToken);
}
