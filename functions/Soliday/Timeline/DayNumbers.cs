using System.Text.Json.Serialization;

namespace Soliday.Timeline;

/// <summary>
/// One hour's numbers, counted from its index when a publish has that index in hand: entries with
/// photos and written posts, how they reached us, and where they were (the coarse place tag, one of
/// a few named places, not the resident's own words, which are as many as the entries).
/// </summary>
/// <param name="Version">The version of the hour's index the numbers were counted from.</param>
/// <param name="Sources">Entries by source (<c>form</c>, <c>mastodon</c>, a webhook sender's name); <see cref="DayNumbers.UnknownSource"/> for entries published before the source was kept.</param>
/// <param name="Places">Entries by place tag; entries without one are not here (<see cref="Unplaced"/>).</param>
public sealed record HourNumbers(int Hour, long Version, int Photos, int Posts, IReadOnlyDictionary<string, int> Sources, IReadOnlyDictionary<string, int> Places)
{
    [JsonIgnore]
    public int Entries => Photos + Posts;

    [JsonIgnore]
    public int Unplaced => Entries - Places.Values.Sum();

    public static HourNumbers Of(HourIndex hour)
    {
        var photos = hour.Entries.Count(e => e.Photos.Count > 0);
        return new HourNumbers(
            hour.Hour,
            hour.Version,
            photos,
            hour.Entries.Count - photos,
            Tally(hour.Entries.Select(e => e.Source ?? DayNumbers.UnknownSource)),
            Tally(hour.Entries.Select(e => e.PlaceTag?.Value).OfType<string>()));
    }

    private static Dictionary<string, int> Tally(IEnumerable<string> names) =>
        names.GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

/// <summary>
/// The day's numbers: each hour's, as last counted. Kept as one small blob beside the indexes
/// (<see cref="Storage.StorageLayout.DayNumbers"/>), so numbers.html is made from it alone: a publish
/// counts its own hour from the index it already holds and reads no other. Its size grows with the
/// hours, sources and place names, never with the entries.
/// </summary>
public sealed record DayNumbers(IReadOnlyList<HourNumbers> Hours)
{
    public const string UnknownSource = "";

    public static DayNumbers Empty { get; } = new([]);

    /// <summary>
    /// Rises with every change counted: an hour's version only grows, and the numbers are replaced by
    /// compare-and-swap, so of two states the later has the larger sum. numbers.html records it.
    /// </summary>
    [JsonIgnore]
    public long Version => Hours.Sum(h => h.Version);

    public HourNumbers? Find(int hour) => Hours.FirstOrDefault(h => h.Hour == hour);

    public DayNumbers With(HourNumbers hour) => new([.. Hours.Where(h => h.Hour != hour.Hour).Append(hour).OrderBy(h => h.Hour)]);

    /// <summary>Every hour of the day, an hour never counted as empty.</summary>
    [JsonIgnore]
    public IReadOnlyList<HourNumbers> AllHours =>
        [.. Enumerable.Range(0, HourMarkers.Hours).Select(h => Find(h) ?? new HourNumbers(h, 0, 0, 0, new Dictionary<string, int>(), new Dictionary<string, int>()))];

    [JsonIgnore]
    public int Entries => Hours.Sum(h => h.Entries);

    [JsonIgnore]
    public int Photos => Hours.Sum(h => h.Photos);

    [JsonIgnore]
    public int Posts => Hours.Sum(h => h.Posts);

    [JsonIgnore]
    public int Unplaced => Hours.Sum(h => h.Unplaced);

    /// <summary>Entries by source over the day, most first (ties by name, so every render agrees).</summary>
    [JsonIgnore]
    public IReadOnlyList<KeyValuePair<string, int>> Sources => Total(h => h.Sources);

    /// <summary>Entries by place tag over the day, most first.</summary>
    [JsonIgnore]
    public IReadOnlyList<KeyValuePair<string, int>> Places => Total(h => h.Places);

    private List<KeyValuePair<string, int>> Total(Func<HourNumbers, IReadOnlyDictionary<string, int>> of) =>
        [.. Hours.SelectMany(of).GroupBy(p => p.Key, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Sum(p => p.Value)))
            .Where(p => p.Value > 0)
            .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)];
}
