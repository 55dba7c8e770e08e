using Soliday.Entries;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>What an hour's numbers count, from its index alone, and how the day adds them up.</summary>
public sealed class HourNumbersTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    [Fact]
    public void An_hour_counts_photos_and_written_posts_its_sources_and_its_place_tags()
    {
        var hour = new HourIndex(Day, 9,
        [
            Entry("a", photos: true, source: "form", place: "Knowle"),
            Entry("b", photos: true, source: "mastodon", place: "Knowle"),
            Entry("c", photos: false, source: "form"),
            Entry("d", photos: true, source: null, place: "Shirley"), // indexed before the source was kept
        ], Version: 7);

        var numbers = HourNumbers.Of(hour);

        Assert.Equal((9, 7L, 3, 1, 4), (numbers.Hour, numbers.Version, numbers.Photos, numbers.Posts, numbers.Entries));
        Assert.Equal(new Dictionary<string, int> { ["form"] = 2, ["mastodon"] = 1, [DayNumbers.UnknownSource] = 1 }, numbers.Sources);
        Assert.Equal(new Dictionary<string, int> { ["Knowle"] = 2, ["Shirley"] = 1 }, numbers.Places);
        Assert.Equal(1, numbers.Unplaced);
    }

    [Fact]
    public void The_day_adds_its_hours_up_and_an_hour_counted_again_replaces_its_numbers()
    {
        var day = DayNumbers.Empty
            .With(HourNumbers.Of(new HourIndex(Day, 9, [Entry("a", place: "Knowle"), Entry("b", place: "Solihull")], Version: 2)))
            .With(HourNumbers.Of(new HourIndex(Day, 15, [Entry("c", place: "Solihull"), Entry("d", photos: false)], Version: 3)))
            .With(HourNumbers.Of(new HourIndex(Day, 9, [Entry("b", place: "Solihull")], Version: 4))); // "a" taken down

        Assert.Equal((3, 2, 1, 7L), (day.Entries, day.Photos, day.Posts, day.Version));
        Assert.Equal([KeyValuePair.Create("Solihull", 2)], day.Places); // Knowle left with its entry
        Assert.Equal(24, day.AllHours.Count);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0], day.AllHours.Select(h => h.Entries));
    }

    private static TimelineEntry Entry(string id, bool photos = true, string? source = "form", string? place = null)
    {
        var at = new DateTimeOffset(2026, 6, 20, 9, 30, 0, TimeSpan.FromHours(1));
        return new TimelineEntry
        {
            Id = id,
            Text = "text",
            Credit = "credit",
            Licence = "CC-BY-4.0",
            MomentAt = at,
            PlacedAt = at,
            PublishedAt = at,
            Source = source,
            Place = "the resident's own words are not counted",
            Tags = place is null ? [] : [new EntryTag(PublicTags.PlaceKind, place)],
            Photos = photos ? [new TimelinePhoto("alt", 100, 100, [])] : [],
        };
    }
}
