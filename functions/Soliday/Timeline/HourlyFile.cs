using System.Globalization;
using Azure.Storage.Blobs.Models;

namespace Soliday.Timeline;

/// <summary>
/// A file of the public site made of one part per hour of the day inside a frame: the day page, a
/// tag page, the open data files, the sitemap. Publishing into one hour re-makes that hour's part
/// and the frame (which may only use the counts per hour), never the other hours: see
/// <see cref="HourlyFileWriter"/>.
/// </summary>
public interface IHourlyFile
{
    /// <summary>The file's path on the site.</summary>
    string Path { get; }

    BlobHttpHeaders Headers { get; }

    /// <summary>Names the shape of the parts: a new value (a changed template) makes the whole file again once.</summary>
    string Layout { get; }

    /// <summary>JSON arrays: parts need a comma between them when both have items.</summary>
    bool CommaBetweenHours { get; }

    /// <summary>A file nobody needs when it lists nothing (a tag page whose entries have all gone).</summary>
    bool DeleteWhenEmpty { get; }

    /// <summary>Everything around the hours, with <see cref="HourMarkers.Marker"/> for each hour in order.</summary>
    Task<string> FrameAsync(IReadOnlyList<int> counts);

    /// <summary>One hour's part; empty when the hour has nothing to show in this file.</summary>
    Task<string> HourAsync(HourIndex hour);
}

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
