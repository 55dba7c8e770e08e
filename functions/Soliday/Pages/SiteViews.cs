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
    /// <summary>Every entry of the hour, in the order of the day: the section's list.</summary>
    public IReadOnlyList<TimelineEntry> All => [.. Hour.Entries.Order(TimelineEntry.DayOrder)];

    /// <summary>The hour's featured entries, in the order of the day: its part of the curators' picks.</summary>
    public IReadOnlyList<TimelineEntry> Featured => [.. Hour.Entries.Where(e => e.Featured).Order(TimelineEntry.DayOrder)];
}

/// <param name="Cards">Each entry's card, already rendered (<see cref="HourEntryCard"/>), in the order of the day.</param>
public sealed record HourPageView(DateOnly Day, TimeZoneInfo Zone, HourIndex Hour, IReadOnlyList<string> Cards)
{
    /// <summary>Photos of the first entries load at once; the rest wait until they are scrolled near.</summary>
    public const int EagerEntries = 2;
}

/// <summary>One entry's card on its hour page.</summary>
public sealed record HourCardView(DateOnly Day, TimeZoneInfo Zone, TimelineEntry Entry, bool Eager);

/// <param name="Root">From the page to the site's root ("../").</param>
public sealed record EntryPageView(
    DateOnly Day, TimeZoneInfo Zone, TimelineEntry Entry, int Hour, TimelineEntry? Previous, TimelineEntry? Next, string ReportUrl, string CanonicalUrl);

/// <summary>A tag page around its hours.</summary>
public sealed record TagFrameView(DateOnly Day, string Label, IReadOnlyList<int> Counts)
{
    public int Total => Counts.Sum();
}

/// <summary>The entries of one hour that carry a tag, on the tag's page.</summary>
public sealed record TagHourView(DateOnly Day, TimeZoneInfo Zone, HourIndex Hour);

/// <summary>An entry in a feed: absolute addresses, since feed readers show it away from the site.</summary>
public sealed record FeedEntryView(TimelineEntry Entry, string PageUrl, Func<TimelineImage, string> ImageUrl);
