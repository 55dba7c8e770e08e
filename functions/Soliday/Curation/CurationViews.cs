using Soliday.Entries;
using Soliday.Hashtags;

namespace Soliday.Curation;

/// <summary>The curation page: the entries a filter shows, and the whole board for the counts and the chart.</summary>
public sealed record CurationView(
    Curator Curator,
    IReadOnlyList<BoardEntry> Entries,
    IReadOnlyList<BoardEntry> Everything,
    BoardFilter Filter,
    string FormToken,
    string? Notice,
    string ReturnQuery,
    SolidayOptions Day,
    PoisonedPostList Poisoned)
{
    /// <summary>Why posts from a network are not being read (a refused Bluesky sign-in), in words for curators.</summary>
    public IReadOnlyList<string> IntakeProblems { get; init; } = [];

    /// <summary>The query of the next page of waiting entries; null on the last page, and for other states (shown whole).</summary>
    public string? NextPageQuery { get; init; }

    public static IReadOnlyList<string> States { get; } =
        [.. new[] { EntryState.AwaitingCuration, EntryState.Published, EntryState.Rejected, EntryState.Failed, EntryState.Withdrawn, EntryState.Processing }.Select(s => s.ToWire())];

    public int CountIn(string state) => Everything.Count(e => e.State == state);

    /// <summary>Entries per hour of the day they were taken, every state but withdrawn.</summary>
    public IReadOnlyList<int> PerHour => [.. Enumerable.Range(0, 24).Select(hour =>
        Everything.Count(e => e.Summary is not null && e.State != EntryState.Withdrawn.ToWire() && TimeZoneInfo.ConvertTime(e.Summary.MomentAt, Day.Zone).Hour == hour))];

    public IReadOnlyList<string> Sources => [.. Everything.Select(e => e.Summary?.Source).OfType<string>().Distinct().Order()];

    public IReadOnlyList<string> FlagCodes => [.. Everything.SelectMany(e => e.Summary?.Flags ?? []).Select(f => f.Code).Distinct().Order()];
}

public sealed record EditEntryView(Curator Curator, Entry Entry, string FormToken, string ReturnQuery);
