using System.Globalization;

namespace Soliday.Timeline;

/// <summary>Where the hours go in a frame. User text never contains these: every format encodes <c>&lt;</c> or <c>"</c>.</summary>
public static class HourMarkers
{
    public const int Hours = 24;

    public static string Marker(int hour) => $"<!--{CommentText(hour)}-->";

    /// <summary>The marker as a comment's text, for frames written with an <see cref="System.Xml.XmlWriter"/>.</summary>
    public static string CommentText(int hour) => $"soliday-hour:{hour:00}";

    /// <summary>All 24 markers in order: where a file with nothing between its hours puts them.</summary>
    public static string All { get; } = string.Concat(Enumerable.Range(0, Hours).Select(Marker));

    /// <summary>Where an hour's lead part goes: a second place per hour, before all the hours (the day page's featured strip).</summary>
    public static string LeadMarker(int hour) => $"<!--soliday-lead:{hour:00}-->";

    /// <summary>All 24 lead markers in order.</summary>
    public static string AllLeads { get; } = string.Concat(Enumerable.Range(0, Hours).Select(LeadMarker));

    public static string LeadPart(int hour) => $"l{hour:00}";

    public static string LeadCountKey(int hour) => string.Create(CultureInfo.InvariantCulture, $"l{hour:00}");

    public static string HourPart(int hour) => $"h{hour:00}";

    public static string FramePart(int index) => $"f{index:00}";

    public static string SeparatorPart(int hour) => $"s{hour:00}";

    public static string CountKey(int hour) => string.Create(CultureInfo.InvariantCulture, $"c{hour:00}");

    /// <summary>
    /// The frame cut at its markers: 25 pieces, before hour 0, between each pair, after hour 23;
    /// with leads, the 24 lead markers come first, so 49 pieces.
    /// </summary>
    public static IReadOnlyList<string> Split(string frame, bool withLeads = false)
    {
        var markers = (withLeads ? Enumerable.Range(0, Hours).Select(LeadMarker) : []).Concat(Enumerable.Range(0, Hours).Select(Marker)).ToList();
        var pieces = new List<string>(markers.Count + 1);
        var start = 0;
        foreach (var marker in markers)
        {
            var at = frame.IndexOf(marker, start, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"The frame has no place for {marker}.");
            }

            pieces.Add(frame[start..at]);
            start = at + marker.Length;
        }

        pieces.Add(frame[start..]);
        return pieces;
    }
}
