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

    public static string HourPart(int hour) => $"h{hour:00}";

    public static string FramePart(int index) => $"f{index:00}";

    public static string SeparatorPart(int hour) => $"s{hour:00}";

    public static string CountKey(int hour) => string.Create(CultureInfo.InvariantCulture, $"c{hour:00}");

    /// <summary>The frame cut at its markers: 25 pieces, before hour 0, between each pair, after hour 23.</summary>
    public static IReadOnlyList<string> Split(string frame)
    {
        var pieces = new List<string>(Hours + 1);
        var start = 0;
        for (var hour = 0; hour < Hours; hour++)
        {
            var marker = Marker(hour);
            var at = frame.IndexOf(marker, start, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"The frame has no place for hour {hour:00}.");
            }

            pieces.Add(frame[start..at]);
            start = at + marker.Length;
        }

        pieces.Add(frame[start..]);
        return pieces;
    }
}
