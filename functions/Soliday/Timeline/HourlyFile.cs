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

    /// <summary>
    /// Files with a second part per hour, placed before all the hours at <see cref="HourMarkers.LeadMarker"/>:
    /// the day page's featured strip. Made with the hour's part, from the same index.
    /// </summary>
    bool HasLeads => false;

    /// <summary>One hour's lead part; empty when the hour has none.</summary>
    Task<string> LeadAsync(HourIndex hour) => Task.FromResult("");

    /// <summary>How many items an hour's lead part shows, kept beside the counts for the frame.</summary>
    int LeadCount(HourIndex hour) => 0;

    /// <summary>The frame, for a file with leads: it may use how many each hour's lead shows too.</summary>
    Task<string> FrameAsync(IReadOnlyList<int> counts, IReadOnlyList<int> leadCounts) => FrameAsync(counts);
}
