using Soliday.Entries;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

public sealed class TimelineIndexTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    [Fact]
    public void Entries_are_kept_in_the_order_of_their_place_on_the_day()
    {
        var index = new HourIndex(Day, 9, [])
            .Upsert(Entry("b", minute: 40))
            .Upsert(Entry("a", minute: 5))
            .Upsert(Entry("c", minute: 20));

        Assert.Equal(["a", "c", "b"], index.Entries.Select(e => e.Id));
    }

    [Fact]
    public void Publishing_an_entry_again_replaces_it_instead_of_adding_a_second()
    {
        var index = new HourIndex(Day, 9, [])
            .Upsert(Entry("a", minute: 5, text: "first"))
            .Upsert(Entry("a", minute: 5, text: "edited"));

        Assert.Equal("edited", Assert.Single(index.Entries).Text);
    }

    [Fact]
    public void A_removed_entry_is_gone_and_the_others_stay()
    {
        var index = new HourIndex(Day, 9, []).Upsert(Entry("a", 5)).Upsert(Entry("b", 6)).Remove("a");

        Assert.Equal(["b"], index.Entries.Select(e => e.Id));
    }

    private static TimelineEntry Entry(string id, int minute, string text = "text") => new()
    {
        Id = id,
        Text = text,
        Credit = "Anonymous",
        Licence = "CC-BY-4.0",
        MomentAt = new DateTimeOffset(2026, 6, 20, 9, minute, 0, TimeSpan.FromHours(1)),
        PlacedAt = new DateTimeOffset(2026, 6, 20, 9, minute, 0, TimeSpan.FromHours(1)),
        PublishedAt = DateTimeOffset.UnixEpoch,
        Photos = [],
    };
}
