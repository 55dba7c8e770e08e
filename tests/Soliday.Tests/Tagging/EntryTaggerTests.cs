using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Submissions;
using Soliday.Tagging;

namespace Soliday.Tests.Tagging;

public sealed class EntryTaggerTests
{
    private static readonly NamedPlace BruetonPark = new("Brueton Park", 52.4080, -1.7640, 0.6);

    [Fact]
    public void An_entry_is_tagged_with_its_hour_period_hashtags_shape_colour_source_and_place()
    {
        var tags = Tagger().Tags(Entry("Ducks at dawn #Soliday #parkrun #soliday", new DateTimeOffset(2026, 6, 20, 6, 40, 0, TimeSpan.FromHours(1)), new GeoPoint(52.4085, -1.7645)));

        Assert.Equal(["hour:06", "period:morning", "#Soliday", "#parkrun", "orientation:portrait", "colour:green", "source:form", "place:Brueton Park"], tags.Select(t => t.ToString()));
    }

    [Fact]
    public void The_hour_is_local_time_in_the_day_zone()
    {
        var tags = Tagger().Tags(Entry("", new DateTimeOffset(2026, 6, 20, 22, 30, 0, TimeSpan.Zero), null)); // 23:30 in London (BST)

        Assert.Contains(new EntryTag("hour", "23"), tags);
        Assert.Contains(new EntryTag("period", "night"), tags);
    }

    [Fact]
    public void GPS_outside_every_named_place_gives_no_place_tag()
    {
        var tags = Tagger().Tags(Entry("", DateTimeOffset.UnixEpoch, new GeoPoint(51.5, -0.12))); // London

        Assert.DoesNotContain(tags, t => t.Kind == "place");
    }

    [Theory]
    [InlineData("#parkrun", "hashtag", "parkrun")]
    [InlineData("parkrun", "hashtag", "parkrun")]
    [InlineData("place:Tudor Grange", "place", "Tudor Grange")]
    [InlineData("Colour:green", "colour", "green")]
    public void Tags_are_read_as_curators_write_them(string written, string kind, string value)
    {
        Assert.Equal(new EntryTag(kind, value), EntryTag.Parse(written));
    }

    private static EntryTagger Tagger() => new(
        Options.Create(new SolidayOptions { Day = new DateOnly(2026, 6, 20) }),
        Options.Create(new TaggingOptions { Places = [BruetonPark] }));

    private static Entry Entry(string text, DateTimeOffset captured, GeoPoint? location) => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        State = EntryState.Processing,
        Text = text,
        Credit = "Sam",
        Licence = "CC-BY-4.0",
        Source = SubmissionSources.Form,
        ReceivedAt = captured,
        Photos = [new EntryPhoto
        {
            Index = 0, Alt = "Ducks", ContentType = "image/jpeg",
            Facts = new PhotoFacts { Format = "jpeg", Width = 600, Height = 800, Orientation = 1, Sha256 = "0", PerceptualHash = "0", CapturedAt = captured, Location = location, DominantColour = "green" },
        }],
    };
}
