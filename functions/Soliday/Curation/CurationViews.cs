using System.Reflection;
using Soliday.Entries;
using Soliday.Hashtags;
using Soliday.Storage;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>
/// The curation page: the entries of one page of the board, and the board's counts (a few small blobs,
/// so the counts, the chart and the filters cost the same however many entries wait).
/// </summary>
public sealed record CurationView(
    Curator Curator,
    IReadOnlyList<BoardEntry> Entries,
    BoardCounts Counts,
    BoardFilter Filter,
    string FormToken,
    string? Notice,
    string ReturnQuery,
    SolidayOptions Day,
    PoisonedPostList Poisoned)
{
    /// <summary>Why posts from a network are not being read (a refused Bluesky sign-in), in words for curators.</summary>
    public IReadOnlyList<string> IntakeProblems { get; init; } = [];

    /// <summary>The query of the next page; null on the last page.</summary>
    public string? NextPageQuery { get; init; }

    /// <summary>Whether this is the board's first page (past it, the page offers a way back).</summary>
    public bool IsFirstPage { get; init; } = true;

    /// <summary>Problems the public reported that wait for a curator: the page links to them, and says so loudly when there are any.</summary>
    public int OpenReports { get; init; }

    /// <summary>The entry whose action was refused: the reason is shown beside its card too.</summary>
    public string? ProblemCard { get; init; }

    /// <summary>Every card's box ticked (the "select all" link, for browsers without scripts).</summary>
    public bool SelectAll { get; init; }

    /// <summary>For a card flagged as a duplicate, the entry it repeats (by the card's id), to compare side by side.</summary>
    public IReadOnlyDictionary<string, CurationSummary> Originals { get; init; } = new Dictionary<string, CurationSummary>();

    public static string Waiting { get; } = EntryState.AwaitingCuration.ToWire();

    /// <summary>The states the page lists: the waiting entries, and the recent decisions as their entries now stand.</summary>
    public static IReadOnlyList<string> States { get; } =
        [Waiting, DecidedBoard.Decided, DecidedBoard.Publishing, EntryState.Published.ToWire(), EntryState.Rejected.ToWire(), EntryState.Failed.ToWire()];

    public bool ShowsWaiting => BoardQuery.ShowsWaiting(Filter);

    /// <summary>Waiting now; approved and not published, counted once per decision.</summary>
    public long CountIn(string state) => state switch
    {
        _ when state == Waiting => Counts.Waiting,
        "approved" => Counts.DecidedOf("approve"),
        "rejected" => Counts.DecidedOf("reject"),
        _ => 0,
    };

    /// <summary>Waiting entries per hour of the day their photo was taken.</summary>
    public IReadOnlyList<int> PerHour => [.. Enumerable.Range(0, 24).Select(hour => Counts.TallyOf(BoardTallies.Hour(hour)))];

    /// <summary>Every source an entry can come from, and any other a waiting entry has.</summary>
    public IReadOnlyList<string> Sources => [.. KnownSources.Concat(TalliedAs("source:")).Distinct().Order()];

    /// <summary>Every flag a card can show (whether or not one does today), and any other a waiting entry has.</summary>
    public IReadOnlyList<string> FlagCodes => [.. KnownFlags.Concat(TalliedAs("flag:")).Distinct().Order()];

    private IEnumerable<string> TalliedAs(string prefix) =>
        Counts.Tallies.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]);

    private static readonly string[] KnownSources = [SubmissionSources.Form, SubmissionSources.Mastodon, SubmissionSources.Bluesky];

    private static readonly string[] KnownFlags =
    [
        .. typeof(Entries.FlagCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!),
    ];
}

/// <param name="GivenTime">The time the resident gave, as the time field shows it (<c>HH:mm</c>); empty when none.</param>
public sealed record EditEntryView(Curator Curator, Entry Entry, string FormToken, string ReturnQuery, string GivenTime = "");
