namespace Soliday.Timeline;

/// <summary>A published entry as the site shows it: only what is public, nothing private about the photo.</summary>
public sealed record TimelineEntry
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required string Credit { get; init; }
    public required string Licence { get; init; }
    /// <summary>When it happened: the capture time, else when it was received.</summary>
    public required DateTimeOffset MomentAt { get; init; }

    /// <summary>
    /// Where it stands on the day's timeline: its moment when that falls on the day, else when it was
    /// received, so a photo from another year is not filed at its old hour as if taken today.
    /// </summary>
    public required DateTimeOffset PlacedAt { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }
    public required IReadOnlyList<TimelinePhoto> Photos { get; init; }

    /// <summary>The post it was taken from, for one from another service: its credit links there.</summary>
    public string? SourceUrl { get; init; }
}

public sealed record TimelinePhoto(string Alt, int Width, int Height, IReadOnlyList<TimelineImage> Images);

/// <summary>One published rendition; <see cref="Path"/> is relative to the site's root.</summary>
public sealed record TimelineImage(string Path, string Format, int Width, int Height);

/// <summary>
/// The published entries of one hour of the day, kept as one blob updated by ETag compare-and-swap.
/// <see cref="Version"/> counts its changes: a page rendered from version 7 of this hour includes
/// every change up to the seventh.
/// </summary>
public sealed record HourIndex(DateOnly Day, int Hour, IReadOnlyList<TimelineEntry> Entries, long Version = 0)
{
    public HourIndex Upsert(TimelineEntry entry) =>
        this with { Entries = [.. Entries.Where(e => e.Id != entry.Id).Append(entry).OrderBy(e => e.PlacedAt).ThenBy(e => e.Id, StringComparer.Ordinal)] };

    public HourIndex Remove(string id) => this with { Entries = [.. Entries.Where(e => e.Id != id)] };
}
