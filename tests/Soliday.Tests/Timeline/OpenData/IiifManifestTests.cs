using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Soliday.Testing;
using Soliday.Timeline;
using Soliday.Timeline.OpenData;
using Soliday.Words;

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

    [Fact]
    public void The_manifest_speaks_the_site_s_language_and_says_which()
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            var words = SiteWords.For(new WordsOptions { Language = PseudoLanguage.Tag, LanguageFolder = folder });

            var manifest = Manifest(Entry([Photo], givenAt: null), words);

            Assert.Equal(["he-x-soliday-test"], manifest["label"]!.AsObject().Select(language => language.Key));
            Assert.Equal("Morning at the mere", manifest["label"]![PseudoLanguage.Tag]![0]!.GetValue<string>()); // the resident's words stay theirs
            Assert.Equal(PseudoLanguage.Say("entry.taken"), manifest["metadata"]![0]!["label"]![PseudoLanguage.Tag]![0]!.GetValue<string>());
            Assert.Equal(PseudoLanguage.Say("openData.iiif.attribution"), manifest["requiredStatement"]!["label"]![PseudoLanguage.Tag]![0]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("cy-GB", "cy")]
    [InlineData("ur-PK", "ur")]
    [InlineData("ar", "ar")]
    [InlineData("es-419", "es")]
    [InlineData("zh-Hant-TW", "zh-Hant")]
    [InlineData("he-x-soliday-test", "he-x-soliday-test")]
    public void A_language_map_is_keyed_by_the_site_s_language_without_its_region(string tag, string key)
    {
        Assert.Equal(key, JsonParts.IiifLanguage(tag));
    }

    private static (string, string) WhenOf(TimelineEntry entry)
    {
        var manifest = Manifest(entry, SiteWords.English);
        var first = manifest["metadata"]![0]!;
        return (first["label"]!["en"]![0]!.GetValue<string>(), first["value"]!["en"]![0]!.GetValue<string>());
    }

    private static JsonNode Manifest(TimelineEntry entry, SiteWords words)
    {
        var site = new SiteAddress(Options.Create(new SiteOptions { PublicUrl = "https://soliday.example/site/" }));
        return JsonNode.Parse(new IiifManifest(site, new DateOnly(2008, 10, 22), London, words).Write(entry))!;
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
