using System.Text;
using System.Text.Json.Nodes;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Timeline;
using Soliday.Words;

namespace Soliday.Tests.Timeline;

/// <summary>What an hour's search file holds: what a result shows, and the folded words the script matches.</summary>
public sealed class SearchIndexFileTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public void Words_are_folded_to_lower_case_without_accents_and_split_on_anything_but_letters_and_digits()
    {
        var words = SearchWords.Of(["Crème brûlée at the CAFÉ, #ParkRun 5k!", "Zoë O'Brien", null, "  "]);

        Assert.Equal(["creme", "brulee", "at", "the", "cafe", "parkrun", "5k", "zoe", "o", "brien"], words);
    }

    [Fact]
    public void Each_word_is_kept_once_in_the_order_it_first_appears()
    {
        Assert.Equal(["the", "park", "in"], SearchWords.Of(["The park", "in THE Park"]));
    }

    [Fact]
    public void An_entry_is_found_by_its_caption_credit_place_and_tags_and_shows_its_time_thumbnail_and_credit()
    {
        var entry = Entry("Sunrise over Brueton Park's lake", credit: "Zoë Adams", place: "By the boathouse", tags: [new(EntryTag.Hashtag, "Dawn"), new(PublicTags.PlaceKind, "Solihull")]);

        var file = JsonNode.Parse(SolidayJson.Serialize(SearchIndexFile.Of(new HourIndex(Day, 6, [entry], Version: 3), London, SiteWords.English)))!;

        Assert.Equal(6, file["hour"]!.GetValue<int>());
        var found = file["entries"]!.AsArray().Single()!;
        Assert.Equal(entry.Id, found["id"]!.GetValue<string>());
        Assert.Equal("06:15", found["time"]!.GetValue<string>());
        Assert.Equal("Sunrise over Brueton Park's lake", found["text"]!.GetValue<string>());
        Assert.Equal("Zoë Adams", found["credit"]!.GetValue<string>()); // shown as written; only the words are folded
        Assert.Equal("By the boathouse", found["place"]!.GetValue<string>());
        Assert.Equal("media/e1/0-320.jpg", found["thumb"]!.GetValue<string>()); // the smallest JPEG, not the WebP
        Assert.Equal(320, found["width"]!.GetValue<int>());
        Assert.Equal(240, found["height"]!.GetValue<int>());
        Assert.Equal("sunrise over brueton park s lake zoe adams by the boathouse dawn solihull", found["words"]!.GetValue<string>());
    }

    [Fact]
    public void A_long_caption_is_shortened_for_the_result_but_every_word_of_it_is_still_found()
    {
        var caption = string.Join(' ', Enumerable.Repeat("Stalls", 40)) + " and a brass band at the very end";
        var file = SearchIndexFile.Of(new HourIndex(Day, 6, [Entry(caption)]), London, SiteWords.English);

        var found = file.Entries.Single();
        Assert.True(found.Text.Length <= SearchIndexFile.ShownText + 1, found.Text); // and an ellipsis
        Assert.DoesNotContain("brass", found.Text);
        Assert.Contains("brass band", found.Words);
    }

    [Fact]
    public void A_written_post_has_no_thumbnail_and_a_photo_taken_on_another_day_says_its_date()
    {
        var post = Entry("Quiet on the 6.10 to Moor Street", photos: false);
        var old = Entry("My grandad's shop in 1962") with { MomentAt = new DateTimeOffset(2013, 3, 2, 9, 30, 0, TimeSpan.Zero) };

        var file = SearchIndexFile.Of(new HourIndex(Day, 6, [post, old]), London, SiteWords.English);

        Assert.Null(file.Entries[0].Thumb);
        Assert.DoesNotContain("\"thumb\"", SolidayJson.Serialize(file.Entries[0]).ToString()); // nothing to fetch, nothing written
        Assert.Equal("2 March 2013 at 09:30", file.Entries[1].Time);
    }

    [Fact]
    public void A_photo_taken_on_another_day_says_its_date_as_the_site_s_language_writes_it()
    {
        var welsh = LanguageFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(
            """{ "language": "cy-GB", "words": { "format.dateAndTime": "d MMMM yyyy 'am' HH:mm" } }""")), "cy-GB.json");
        var old = Entry("Siop fy nhaid yn 1962") with { MomentAt = new DateTimeOffset(2013, 3, 2, 9, 30, 0, TimeSpan.Zero) };

        var file = SearchIndexFile.Of(new HourIndex(Day, 6, [old]), London, new SiteWords(welsh, LanguageFiles.English));

        Assert.Equal("2 Mawrth 2013 am 09:30", file.Entries[0].Time); // search.js shows it as it is
    }

    private static TimelineEntry Entry(string text, string credit = "Priya", string? place = null, EntryTag[]? tags = null, bool photos = true)
    {
        var at = new DateTimeOffset(2026, 6, 20, 5, 15, 0, TimeSpan.Zero); // 06:15 in London, summer time
        return new TimelineEntry
        {
            Id = "e1",
            Text = text,
            Credit = credit,
            Licence = Licences.CcBy.Id,
            MomentAt = at,
            PlacedAt = at,
            PublishedAt = at.AddMinutes(10),
            Place = place,
            Tags = tags ?? [],
            Photos = photos
                ? [new TimelinePhoto("Ducks on the lake", 1600, 1200, [
                    new TimelineImage("media/e1/0-320.webp", ImageFormats.WebP, 320, 240),
                    new TimelineImage("media/e1/0-960.jpg", ImageFormats.Jpeg, 960, 720),
                    new TimelineImage("media/e1/0-320.jpg", ImageFormats.Jpeg, 320, 240)])]
                : [],
        };
    }
}
