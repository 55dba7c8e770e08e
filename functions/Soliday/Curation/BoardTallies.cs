using Soliday.Entries;

namespace Soliday.Curation;

/// <summary>
/// What a waiting card is counted under in the <see cref="Storage.BoardCounts"/>: the hour its photo
/// was taken, its source and each of its flags, the same things the page filters by.
/// </summary>
public static class BoardTallies
{
    public static string Hour(int hour) => $"hour:{hour:00}";

    public static string Source(string source) => $"source:{source}";

    public static string Flag(string code) => $"flag:{code}";

    public static IReadOnlyCollection<string> Of(CurationSummary summary, TimeZoneInfo zone) =>
    [
        .. new[] { Hour(TimeZoneInfo.ConvertTime(summary.MomentAt, zone).Hour), Source(summary.Source) }
            .Concat(summary.Flags.Select(f => Flag(f.Code)))
            .Where(IsStorable)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Tallies live in blob metadata, a header: letters, digits and a few marks only (a source no one expects is simply not counted by name).</summary>
    private static bool IsStorable(string tally) => tally.Length <= 64 && tally.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_' or '.');
}
