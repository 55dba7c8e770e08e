using System.Text;
using Soliday.Testing;
using Soliday.Words;

namespace Soliday.Tests.Words;

public sealed class SiteWordsTests
{
    private static readonly LanguageFile English = File("""
        { "language": "en-GB", "words": {
            "format.date": "dddd d MMMM yyyy", "format.time": "HH:mm", "format.dateAndTime": "d MMMM yyyy 'at' HH:mm",
            "about.day": "The day is {date}.",
            "numbers.entries": { "one": "{count} entry", "other": "{count} entries" },
            "photos.by": { "one": "{count} photo by {credit}", "other": "{count} photos by {credit}" },
            "only.english": "Only in English"
        } }
        """);

    [Fact]
    public void A_sentence_has_its_placeholders_filled_by_name()
    {
        var words = new SiteWords(English, English);

        Assert.Equal("The day is Saturday 6 June 2026.", words.Say("about.day", ("date", words.Date(new DateOnly(2026, 6, 6)))));
    }

    [Fact]
    public void A_placeholder_left_without_a_value_throws_naming_it_rather_than_showing_braces()
    {
        var words = new SiteWords(English, English);

        var error = Assert.Throws<InvalidOperationException>(() => words["about.day"]);

        Assert.Contains("\"about.day\" has {date}", error.Message);
    }

    [Fact]
    public void A_key_no_language_has_throws_naming_the_English_file()
    {
        var words = new SiteWords(English, English);

        var error = Assert.Throws<KeyNotFoundException>(() => words["about.nothing"]);

        Assert.Contains("\"about.nothing\" in en-GB.json", error.Message);
    }

    [Fact]
    public void A_sentence_a_translation_lacks_is_said_in_English()
    {
        var welsh = File("""{ "language": "cy-GB", "words": { "about.day": "Y diwrnod yw {date}." } }""");
        var words = new SiteWords(welsh, English);

        Assert.Equal("Only in English", words["only.english"]);
        Assert.Equal("Y diwrnod yw dydd Sadwrn.", words.Say("about.day", ("date", "dydd Sadwrn")));
    }

    [Theory]
    [InlineData(0, "0 entries")]
    [InlineData(1, "1 entry")]
    [InlineData(2, "2 entries")]
    [InlineData(1234, "1,234 entries")]
    public void English_counts_take_one_or_other(long count, string expected)
    {
        var words = new SiteWords(English, English);

        Assert.Equal(expected, words.Count("numbers.entries", count));
    }

    [Fact]
    public void A_count_can_fill_other_placeholders_too()
    {
        var words = new SiteWords(English, English);

        Assert.Equal("3 photos by Jo", words.Count("photos.by", 3, ("credit", "Jo")));
    }

    [Theory]
    [InlineData(1, "1 wpis")]
    [InlineData(3, "3 wpisy")]
    [InlineData(5, "5 wpisów")]
    [InlineData(22, "22 wpisy")]
    [InlineData(12, "12 wpisów")]
    public void A_language_gives_its_own_plural_forms(long count, string expected)
    {
        var polish = File("""{ "language": "pl-PL", "words": { "numbers.entries": { "one": "{count} wpis", "few": "{count} wpisy", "many": "{count} wpisów", "other": "{count} wpisu" } } }""");
        var words = new SiteWords(polish, English);

        Assert.Equal(expected, words.Count("numbers.entries", count));
    }

    [Fact]
    public void A_plural_form_a_file_does_not_give_falls_back_to_other()
    {
        var welsh = File("""{ "language": "cy-GB", "words": { "numbers.entries": { "one": "{count} cofnod", "other": "{count} o gofnodion" } } }""");
        var words = new SiteWords(welsh, English);

        Assert.Equal("2 o gofnodion", words.Count("numbers.entries", 2)); // Welsh "two", not in the file
        Assert.Equal("1 cofnod", words.Count("numbers.entries", 1));
    }

    [Fact]
    public void A_sentence_for_a_script_keeps_its_placeholders_for_the_script_to_fill()
    {
        var welsh = File("""{ "language": "cy-GB", "words": { "about.day": "Y diwrnod yw {date}." } }""");
        var words = new SiteWords(welsh, English);

        Assert.Equal("Y diwrnod yw {date}.", words.ForScript("about.day"));
        Assert.Equal("Only in English", words.ForScript("only.english"));
    }

    [Fact]
    public void A_count_for_a_script_is_every_form_the_language_gives_as_json_its_letters_as_they_are()
    {
        var polish = File("""{ "language": "pl-PL", "words": { "numbers.entries": { "one": "{count} wpis", "few": "{count} wpisy", "many": "{count} <wpisów>", "other": "{count} wpisu" } } }""");
        var words = new SiteWords(polish, English);

        Assert.Equal("""{"one":"{count} wpis","few":"{count} wpisy","many":"{count} \u003Cwpisów\u003E","other":"{count} wpisu"}""", words.FormsForScript("numbers.entries"));
        Assert.Equal("""{"one":"{count} photo by {credit}","other":"{count} photos by {credit}"}""", words.FormsForScript("photos.by")); // English, where Polish has none
    }

    [Theory]
    [InlineData("""{ "language": "ar", "words": {} }""", "rtl")]
    [InlineData("""{ "language": "ur-PK", "words": {} }""", "rtl")]
    [InlineData("""{ "language": "cy-GB", "words": {} }""", "ltr")]
    [InlineData("""{ "language": "qq-x-test", "direction": "rtl", "words": {} }""", "rtl")]
    [InlineData("""{ "language": "he", "direction": "ltr", "words": {} }""", "ltr")]
    public void The_direction_is_the_file_s_or_else_its_language_s(string json, string direction)
    {
        Assert.Equal(direction, File(json).Direction);
    }

    [Fact]
    public void Dates_and_numbers_are_written_as_the_language_writes_them()
    {
        var french = File("""{ "language": "fr-FR", "words": {} }""");
        var words = new SiteWords(french, English);

        Assert.Equal("samedi 6 juin 2026", words.Date(new DateOnly(2026, 6, 6)));
        Assert.Equal("1 234", words.Number(1234).Replace('\u202F', ' ').Replace('\u00A0', ' '));
    }

    [Theory]
    [InlineData("""{ "words": {} }""", "\"language\"")]
    [InlineData("""{ "language": "cy", "direction": "up", "words": {} }""", "\"direction\"")]
    [InlineData("""{ "language": "cy" }""", "\"words\"")]
    [InlineData("""{ "language": "cy", "words": { "a.b": { "one": "un" } } }""", "needs an \"other\" form")]
    [InlineData("""{ "language": "cy", "words": { "a.b": { "lots": "llawer", "other": "x" } } }""", "has a form \"lots\"")]
    [InlineData("""{ "language": "cy", "words": { "a.b": 3 } }""", "\"a.b\" is a sentence in quotes")]
    [InlineData("""{ "language": "cy", "words": { "a.b": "un" """, "not valid JSON")]
    public void A_faulty_file_is_refused_saying_what_is_wrong_and_where(string json, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => File(json, "cy-GB.json"));

        Assert.StartsWith("cy-GB.json: ", error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_language_with_no_file_stops_the_app_saying_which_there_are()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiteWords.For(new WordsOptions { Language = "cy-GB" }));

        Assert.Contains("add cy-GB.json", error.Message);
        Assert.Contains("en-GB", error.Message);
    }

    [Fact]
    public void A_file_in_the_language_folder_is_a_language_of_the_site()
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            var words = SiteWords.For(new WordsOptions { Language = PseudoLanguage.Tag, LanguageFolder = folder });

            Assert.Equal(PseudoLanguage.Tag, words.Language);
            Assert.Equal("rtl", words.Direction);
            Assert.Equal(PseudoLanguage.Say("status.heading"), words["status.heading"]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static LanguageFile File(string json, string name = "test.json") =>
        LanguageFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);
}
