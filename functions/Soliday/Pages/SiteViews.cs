using Soliday.Entries;
using Soliday.Timeline;

namespace Soliday.Pages;

/// <summary>The day page around its hours: the counts per hour (of entries, and of featured ones) are all it needs.</summary>
public sealed record DayFrameView(DateOnly Day, IReadOnlyList<int> Counts, SiteOptions Site, IReadOnlyList<int> FeaturedCounts)
{
    public int Total => Counts.Sum();

    public int FeaturedTotal => FeaturedCounts.Sum();
}

/// <summary>One hour's section of the day page.</summary>
public sealed record DayHourView(DateOnly Day, TimeZoneInfo Zone, HourIndex Hour)
{
    /// <summary>
    /// Tiles an hour shows on the day page: one row on a laptop, two on a phone. Bounded, so the
    /// day page weighs the same with 500 entries or 10,000; the rest are a click away on the hour's pages.
    /// </summary>
    public const int TilesPerHour = 6;

    /// <summary>
    /// An hour's share of the curators' picks strip at the top of the day page: its first pick, so
    /// the strip holds at most 24 whatever curators feature (at 10,000 entries, two an hour took the
    /// day page past 100 KB); its other picks lead its tiles.
    /// </summary>
    public const int PicksPerHour = 1;

    /// <summary>The hour's tiles: the curators' picks first, then the others, each in the order of the day.</summary>
    public IReadOnlyList<TimelineEntry> Tiles =>
        [.. Hour.Entries.Where(e => e.Featured).Order(TimelineEntry.DayOrder).Concat(Hour.Entries.Where(e => !e.Featured).Order(TimelineEntry.DayOrder)).Take(TilesPerHour)];

    /// <summary>The hour's featured entries in the curators' picks strip, in the order of the day.</summary>
    public IReadOnlyList<TimelineEntry> Featured => [.. Hour.Entries.Where(e => e.Featured).Order(TimelineEntry.DayOrder).Take(PicksPerHour)];

    public int Pages => HourPaging.PageCount(Hour.Entries.Count);
}

/// <summary>One page of an hour's grid: of all the hour's entries, or (<paramref name="Tag"/>) of those with one tag.</summary>
/// <param name="Tiles">Each entry's tile, already rendered (<see cref="EntryTile"/>), in the order of the day.</param>
/// <param name="HasNext">Whether a later page of the hour follows.</param>
public sealed record HourPageView(DateOnly Day, int Hour, int Page, IReadOnlyList<string> Tiles, bool HasNext, PageTag? Tag = null)
{
    /// <summary>The first row of the first page loads at once (the first screen); the rest wait until they are scrolled near.</summary>
    public const int EagerTiles = 6;

    /// <summary>The position in the hour (from 1) of this page's first entry.</summary>
    public int First => ((Page - 1) * HourPaging.EntriesPerPage) + 1;

    /// <summary>Another page of the same grid.</summary>
    public string PagePath(int page) => Tag is null ? SitePaths.HourPage(Hour, page) : SitePaths.TagHourPage(Tag.Slug, Hour, page);
}

/// <summary>The tag a grid of an hour's pages is narrowed to: its slug (for paths) and its label ("#market").</summary>
public sealed record PageTag(string Slug, string Label);

/// <summary>One entry's tile on an hour page.</summary>
public sealed record HourTileView(DateOnly Day, TimeZoneInfo Zone, TimelineEntry Entry, bool Eager);

/// <param name="Root">From the page to the site's root ("../").</param>
public sealed record EntryPageView(
    DateOnly Day, TimeZoneInfo Zone, TimelineEntry Entry, int Hour, TimelineEntry? Previous, TimelineEntry? Next, string ReportUrl, string CanonicalUrl);

/// <summary>A tag page around its hours.</summary>
public sealed record TagFrameView(DateOnly Day, string Label, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>The entries of one hour that carry a tag, on the tag's page: the first of them, and the way to all.</summary>
public sealed record TagHourView(DateOnly Day, TimeZoneInfo Zone, HourIndex Hour, string Slug)
{
    /// <summary>
    /// Previews an hour shows on a tag's page, so the page is bounded like the day page: a tag on a
    /// tenth of 10,000 entries made a 438 KB page when it listed them all. The rest are on the tag's
    /// pages for that hour (<see cref="SitePaths.TagHourPage"/>), one click away and without scripts.
    /// </summary>
    public const int PreviewsPerHour = 12;

    public IReadOnlyList<TimelineEntry> Previews => [.. Hour.Entries.Order(TimelineEntry.DayOrder).Take(PreviewsPerHour)];

    public bool HasMore => Hour.Entries.Count > PreviewsPerHour;
}

/// <summary>An entry in a feed: absolute addresses, since feed readers show it away from the site.</summary>
public sealed record FeedEntryView(TimelineEntry Entry, string PageUrl, Func<TimelineImage, string> ImageUrl);
