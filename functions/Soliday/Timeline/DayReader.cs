using System.Globalization;

namespace Soliday.Timeline;

/// <summary>
/// Reads hours of the day for one render: the hour a change was made in from that change's own
/// snapshot (it includes the change), any other hour fresh, each at most once. Records the version
/// of every hour it read, for the page to keep in its metadata.
/// </summary>
public sealed class DayReader(TimelineIndex index, DateOnly day, HourIndex? snapshot = null)
{
    private readonly Dictionary<int, HourIndex> _read = snapshot is null ? [] : new() { [snapshot.Hour] = snapshot };

    public IReadOnlyDictionary<string, long> Versions => _read.ToDictionary(h => VersionKey(h.Key), h => h.Value.Version);

    public static string VersionKey(int hour) => string.Create(CultureInfo.InvariantCulture, $"h{hour:00}");

    public async Task<HourIndex> HourAsync(int hour)
    {
        if (!_read.TryGetValue(hour, out var found))
        {
            found = await index.ReadHourAsync(day, hour);
            _read[hour] = found;
        }

        return found;
    }

    /// <summary>
    /// The entries just before and just after <paramref name="key"/> in the order of the day (which
    /// need not be in the index any more), looking into earlier and later hours when it is first or
    /// last in its own.
    /// </summary>
    public async Task<(TimelineEntry? Previous, int PreviousHour, TimelineEntry? Next, int NextHour)> NeighboursAsync(int hour, TimelineEntry key)
    {
        var own = await HourAsync(hour);
        var (previous, previousHour) = (own.Entries.LastOrDefault(e => TimelineEntry.DayOrder.Compare(e, key) < 0), hour);
        for (var earlier = hour - 1; previous is null && earlier >= 0; earlier--)
        {
            (previous, previousHour) = ((await HourAsync(earlier)).Entries.LastOrDefault(), earlier);
        }

        var (next, nextHour) = (own.Entries.FirstOrDefault(e => TimelineEntry.DayOrder.Compare(e, key) > 0), hour);
        for (var later = hour + 1; next is null && later < HourMarkers.Hours; later++)
        {
            (next, nextHour) = ((await HourAsync(later)).Entries.FirstOrDefault(), later);
        }

        return (previous, previousHour, next, nextHour);
    }
}
