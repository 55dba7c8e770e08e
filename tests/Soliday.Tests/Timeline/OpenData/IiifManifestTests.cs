using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Soliday.Timeline;
using Soliday.Timeline.OpenData;

namespace Soliday.Tests.Timeline.OpenData;

/// <summary>The time an entry's manifest gives, said as what it is: a capture time, a time remembered, a time sent.</summary>
public sealed class IiifManifestTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTimeOffset NineThirty = new(2008, 10, 22, 9, 30, 0, TimeSpan.FromHours(1));

    private static readonly TimelinePhoto Photo = new("A heron on the weir", 100, 68, [new TimelineImage("media/x/0-480.jpg", "jpeg", 100, 68)]);

    [Fact]
    public void A_time_the_sender_gave_is_said_as_theirs_and_as_around()
    {
        var when = WhenOf(Entry([Photo], givenAt: NineThirty));

        Assert.Equal(("When", "Around 09:30 on 22 October 2008, as the sender recalls"), when);
    }

    [Fact]
    public void A_capture_time_is_when_the_photo_was_taken()
    {
        var when = WhenOf(Entry([Photo], givenAt: NineThirty.AddHours(-2)));

        Assert.Equal(("Taken", "22 October 2008 at 09:30"), when);
    }

    [Fact]
    public void A_written_post_with_no_time_given_is_placed_when_it_was_sent()
    {
        var when = WhenOf(Entry([], givenAt: null));

        Assert.Equal(("Sent", "22 October 2008 at 09:30"), when);
    }

    private static (string, string) WhenOf(TimelineEntry entry)
    {
        var site = new SiteAddress(Options.Create(new SiteOptions { PublicUrl = "https://soliday.example/site/" }));
        var manifest = JsonNode.Parse(new IiifManifest(site, new DateOnly(2008, 10, 22), London).Write(entry))!;
        var first = manifest["metadata"]![0]!;
        return (first["label"]!["en"]![0]!.GetValue<string>(), first["value"]!["en"]![0]!.GetValue<string>());
    }

    private static TimelineEntry Entry(IReadOnlyList<TimelinePhoto> photos, DateTimeOffset? givenAt) => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        Text = "Morning at the mere",
        Credit = "Priya",
        Licence = "CC-BY-4.0",
        MomentAt = NineThirty,
        PlacedAt = NineThirty,
        GivenAt = givenAt,
        PublishedAt = NineThirty.AddHours(1),
        Photos = photos,
    };
}
