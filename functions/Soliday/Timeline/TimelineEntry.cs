using Soliday.Entries;

namespace Soliday.Timeline;

/// <summary>A published entry as the site shows it: only what is public, nothing private about the photo.</summary>
public sealed record TimelineEntry
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public required string Credit { get; init; }
    public required string Licence { get; init; }
    /// <summary>When it happened: the capture time, else the time the sender gave, else when it was sent.</summary>
    public required DateTimeOffset MomentAt { get; init; }

    /// <summary>
    /// Where it stands on the day's timeline: its moment when that falls on the day, else the time the
    /// sender gave, else when it was sent, so a photo from another year is not filed at its old hour as if taken today.
    /// </summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>The time on the day the sender gave ("When was this?"), if they gave one: the page says so when it places the entry.</summary>
    public DateTimeOffset? GivenAt { get; init; }

    /// <summary>True when the sender's time is the moment itself (no capture time was known): said as theirs on its page.</summary>
    public bool IsGivenMoment => GivenAt is { } given && given == MomentAt;

    public required DateTimeOffset PublishedAt { get; init; }

    /// <summary>When a curator last changed it after publication; null if never.</summary>
    public DateTimeOffset? ChangedAt { get; init; }

    public required IReadOnlyList<TimelinePhoto> Photos { get; init; }

    /// <summary>The tags the public sees (<see cref="PublicTags"/>), each with a page of its own.</summary>
    public IReadOnlyList<EntryTag> Tags { get; init; } = [];

    /// <summary>Where it was, in the resident's own words.</summary>
    public string? Place { get; init; }

    /// <summary>Chosen by a curator: shown first among an hour's previews on the day page.</summary>
    public bool Featured { get; init; }

    /// <summary>The latest of publication and the last change: what feeds and the sitemap call "updated".</summary>
    public DateTimeOffset UpdatedAt => ChangedAt is { } changed && changed > PublishedAt ? changed : PublishedAt;

    /// <summary>True when it happened on another day than <paramref name="day"/> (a photo taken years ago, say): it is placed when it was sent, and lists say so.</summary>
    public bool IsFromAnotherDay(TimeZoneInfo zone, DateOnly day) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(MomentAt, zone).DateTime) != day;

    /// <summary>Where it was, as lists show it: the resident's words, else the coarse place tag.</summary>
    public string? ShownPlace => string.IsNullOrWhiteSpace(Place) ? PlaceTag?.Value : Place;

    /// <summary>The coarse place tag (from the photo's GPS or a curator), if any.</summary>
    public EntryTag? PlaceTag => Tags.FirstOrDefault(t => t.Kind == PublicTags.PlaceKind);

    /// <summary>The order of the day: by place on the timeline, ties broken by id so every reader agrees.</summary>
    public static IComparer<TimelineEntry> DayOrder { get; } = Comparer<TimelineEntry>.Create((a, b) =>
    {
        var byTime = a.PlacedAt.CompareTo(b.PlacedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    });

    /// <summary>The post it was taken from, for one from another service: its credit links there.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>How it reached us (<c>form</c>, <c>mastodon</c>, a webhook sender's name): counted on the numbers page, never a tag page. Null in indexes written before it was kept.</summary>
    public string? Source { get; init; }
}

public sealed record TimelinePhoto(string Alt, int Width, int Height, IReadOnlyList<TimelineImage> Images)
{
    /// <summary>The largest JPEG: what IIIF, feeds and the open data point at.</summary>
    public TimelineImage? Largest => Images.Where(i => i.Format == ImageFormats.Jpeg).MaxBy(i => i.Width);

    /// <summary>The smallest JPEG: thumbnails.</summary>
    public TimelineImage? Smallest => Thumbnail(ImageFormats.Jpeg);

    /// <summary>The smallest rendition in <paramref name="format"/>: the grids' tile (320 px wide since the thumbnail rendition; the smallest width before it).</summary>
    public TimelineImage? Thumbnail(string format) => Images.Where(i => i.Format == format).MinBy(i => i.Width);
}

/// <summary>One published rendition; <see cref="Path"/> is relative to the site's root.</summary>
public sealed record TimelineImage(string Path, string Format, int Width, int Height);

/// <summary>
/// The published entries of one hour of the day (or of one tag within one hour), kept as one blob
/// updated by ETag compare-and-swap. <see cref="Version"/> counts its changes: a page rendered from
/// version 7 of this hour includes every change up to the seventh.
/// </summary>
public sealed record HourIndex(DateOnly Day, int Hour, IReadOnlyList<TimelineEntry> Entries, long Version = 0)
{
    public HourIndex Upsert(TimelineEntry entry) =>
        this with { Entries = [.. Entries.Where(e => e.Id != entry.Id).Append(entry).Order(TimelineEntry.DayOrder)] };

    public HourIndex Remove(string id) => this with { Entries = [.. Entries.Where(e => e.Id != id)] };

    public TimelineEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);
}

/// <summary>The most recently published entries of the day, newest first, as read from the <see cref="RecentLog"/> at a length (its version).</summary>
public sealed record RecentIndex(IReadOnlyList<TimelineEntry> Entries, long Version = 0)
{
    public static IComparer<TimelineEntry> NewestFirst { get; } = Comparer<TimelineEntry>.Create((a, b) =>
    {
        var byTime = b.PublishedAt.CompareTo(a.PublishedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
    });
}
