using Soliday.Entries;

namespace Soliday.Timeline;

/// <summary>
/// What one publish or removal changed in the indexes, each as the snapshot it wrote: the site is
/// brought up to date from these alone, touching only what depends on that entry.
/// </summary>
/// <param name="Hour">The entry's hour after the change.</param>
/// <param name="Entry">The entry as published, or (removed) just enough of it to find where it stood.</param>
/// <param name="Published">False when the entry was taken off.</param>
/// <param name="Tags">Each tag the change touched (added, kept or removed), with that tag's index for the hour after the change and just before it.</param>
/// <param name="HourBefore">The entry's hour just before the change (null when unknown): only the hour pages that differ are rewritten.</param>
/// <param name="RecentLength">The recent log's length just after this change's line: feeds made from at least that much include it.</param>
public sealed record SiteChange(
    HourIndex Hour,
    TimelineEntry Entry,
    bool Published,
    IReadOnlyList<(EntryTag Tag, HourIndex Index, HourIndex? Before)> Tags,
    long RecentLength,
    HourIndex? HourBefore = null);
