namespace Soliday.Timeline;

/// <summary>
/// How an hour's entries are cut into pages (hours/12.html, hours/12-2.html, …): in the order of
/// the day, a fixed number to a page, so a page's weight is bounded however busy the hour, and a
/// publish rewrites only the pages whose entries changed (<see cref="ChangedPages"/>).
/// </summary>
public static class HourPaging
{
    /// <summary>
    /// 48 tiles: eight rows of six on a laptop, sixteen of three on a phone; about 25 KB of HTML,
    /// and a busy hour (850 entries) in 18 pages.
    /// </summary>
    public const int EntriesPerPage = 48;

    /// <summary>An hour with no entries still has its first page (saying so).</summary>
    public static int PageCount(int entries) => Math.Max(1, (entries + EntriesPerPage - 1) / EntriesPerPage);

    /// <summary>The entries of page <paramref name="page"/> (from 1), in the order of the day; none past the last page.</summary>
    public static IReadOnlyList<TimelineEntry> Page(HourIndex hour, int page) =>
        [.. hour.Entries.Order(TimelineEntry.DayOrder).Skip((page - 1) * EntriesPerPage).Take(EntriesPerPage)];

    /// <summary>The page (from 1) an entry at <paramref name="position"/> (from 0) in its hour is on.</summary>
    public static int PageOf(int position) => (position / EntriesPerPage) + 1;

    /// <summary>
    /// The pages that differ between two snapshots of an hour when only <paramref name="changedId"/>
    /// changed: a page whose entries are not the same ones, or that holds the changed entry, or
    /// whose "next page" link comes or goes. Pages past the end of both are not listed; a page past
    /// the end of <paramref name="after"/> only is (it is rewritten as empty). With no earlier
    /// snapshot, every page is.
    /// </summary>
    public static IReadOnlyList<int> ChangedPages(HourIndex? before, HourIndex after, string? changedId)
    {
        var afterPages = PageCount(after.Entries.Count);
        if (before is null)
        {
            return [.. Enumerable.Range(1, afterPages)];
        }

        var beforePages = PageCount(before.Entries.Count);
        var beforeIds = before.Entries.Order(TimelineEntry.DayOrder).Select(e => e.Id).ToList();
        var afterIds = after.Entries.Order(TimelineEntry.DayOrder).Select(e => e.Id).ToList();
        var changed = new List<int>();
        for (var page = 1; page <= Math.Max(beforePages, afterPages); page++)
        {
            var was = beforeIds.Skip((page - 1) * EntriesPerPage).Take(EntriesPerPage).ToList();
            var now = afterIds.Skip((page - 1) * EntriesPerPage).Take(EntriesPerPage).ToList();
            var nextLinkChanged = (page < beforePages) != (page < afterPages);
            if (!was.SequenceEqual(now, StringComparer.Ordinal) || nextLinkChanged || (changedId is not null && now.Contains(changedId, StringComparer.Ordinal)))
            {
                changed.Add(page);
            }
        }

        return changed;
    }
}
