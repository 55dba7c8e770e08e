using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>Which pages of an hour's grid a change makes different: the ones a publish must rewrite, and only those.</summary>
public sealed class HourPagingTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    [Fact]
    public void An_entry_added_at_the_end_of_a_full_page_starts_a_second_and_gives_the_first_its_next_link()
    {
        var before = Hour(HourPaging.EntriesPerPage);
        var after = before.Upsert(Entry("late", minute: 59));

        Assert.Equal([1, 2], HourPaging.ChangedPages(before, after, "late"));
        Assert.Equal(2, HourPaging.PageCount(after.Entries.Count));
        Assert.Equal("late", Assert.Single(HourPaging.Page(after, 2)).Id);
    }

    [Fact]
    public void An_entry_added_at_the_end_of_a_busy_hour_changes_only_the_last_page()
    {
        var before = Hour((2 * HourPaging.EntriesPerPage) + 5);

        Assert.Equal([3], HourPaging.ChangedPages(before, before.Upsert(Entry("late", minute: 59)), "late"));
    }

    [Fact]
    public void An_entry_added_early_shifts_every_later_page()
    {
        var before = Hour((2 * HourPaging.EntriesPerPage) + 5);

        Assert.Equal([1, 2, 3], HourPaging.ChangedPages(before, before.Upsert(Entry("early", minute: 0, second: 0)), "early"));
    }

    [Fact]
    public void An_edit_in_place_changes_only_its_own_page()
    {
        var before = Hour((2 * HourPaging.EntriesPerPage) + 5);
        var edited = before.Entries[HourPaging.EntriesPerPage + 3] with { Text = "Changed words" };

        Assert.Equal([2], HourPaging.ChangedPages(before, before.Upsert(edited), edited.Id));
    }

    [Fact]
    public void A_removal_that_empties_the_last_page_lists_it_so_it_is_rewritten_empty()
    {
        var before = Hour(HourPaging.EntriesPerPage + 1);
        var last = before.Entries[^1];

        Assert.Equal([1, 2], HourPaging.ChangedPages(before, before.Remove(last.Id), last.Id));
        Assert.Empty(HourPaging.Page(before.Remove(last.Id), 2));
    }

    [Fact]
    public void With_no_earlier_snapshot_every_page_is_written_and_an_empty_hour_has_one()
    {
        Assert.Equal([1, 2, 3], HourPaging.ChangedPages(null, Hour((2 * HourPaging.EntriesPerPage) + 1), null));
        Assert.Equal([1], HourPaging.ChangedPages(null, Hour(0), null));
    }

    [Fact]
    public async Task The_sitemap_lists_the_later_pages_of_a_busy_hour()
    {
        var sitemap = new Soliday.Timeline.OpenData.SitemapFile(new SiteAddress(Microsoft.Extensions.Options.Options.Create(new SiteOptions { PublicUrl = "https://soliday.example/site/" })));

        var part = await sitemap.HourAsync(Hour((2 * HourPaging.EntriesPerPage) + 1));

        Assert.Contains("<loc>https://soliday.example/site/hours/12-2.html</loc>", part);
        Assert.Contains("<loc>https://soliday.example/site/hours/12-3.html</loc>", part);
        Assert.DoesNotContain("hours/12.html", part); // the first pages are in the frame
        Assert.DoesNotContain("hours/12-4.html", part);
    }

    /// <summary>An hour of <paramref name="count"/> entries, one a few seconds after another from 12:01.</summary>
    private static HourIndex Hour(int count) =>
        new(Day, 12, [.. Enumerable.Range(0, count).Select(i => Entry($"e{i:000}", minute: 1 + (i / 60), second: i % 60)).Order(TimelineEntry.DayOrder)]);

    private static TimelineEntry Entry(string id, int minute, int second = 30)
    {
        var at = new DateTimeOffset(2026, 6, 20, 12, minute, second, TimeSpan.FromHours(1));
        return new TimelineEntry
        {
            Id = id, Text = "Words", Credit = "Someone", Licence = "CC-BY-4.0", MomentAt = at, PlacedAt = at, PublishedAt = at, Photos = [],
        };
    }
}
