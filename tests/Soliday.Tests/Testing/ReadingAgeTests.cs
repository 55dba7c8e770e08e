using Soliday.Testing;

namespace Soliday.Tests.Testing;

/// <summary>The reading-age figure the browser tests give for residents' pages: its syllables, sentences and formula.</summary>
public sealed class ReadingAgeTests
{
    [Theory]
    [InlineData("the", 1)]
    [InlineData("you", 1)]
    [InlineData("photo", 2)]
    [InlineData("photos", 2)]
    [InlineData("people", 2)]
    [InlineData("waiting", 2)]
    [InlineData("published", 2)]
    [InlineData("approved", 2)]
    [InlineData("licence", 2)]
    [InlineData("curator", 3)]
    [InlineData("everyone", 3)]
    [InlineData("description", 3)]
    [InlineData("Solihull", 3)]
    [InlineData("2026", 1)]
    public void Syllables_are_counted_as_the_rule_of_thumb_counts_them(string word, int syllables) =>
        Assert.Equal(syllables, ReadingAge.SyllablesIn(word));

    [Fact]
    public void A_short_plain_sentence_reads_below_the_first_grade()
    {
        var age = ReadingAge.Of("The cat sat on the mat.");

        Assert.Equal(new ReadingAge(Sentences: 1, Words: 6, Syllables: 6), age);
        Assert.Equal((0.39 * 6) + 11.8 - 15.59, age.Grade, precision: 6);
        Assert.Equal(age.Grade + 5, age.Years, precision: 6);
    }

    [Fact]
    public void A_line_without_a_full_stop_ends_its_sentence_as_a_heading_or_a_button_does()
    {
        var age = ReadingAge.Of("Send your photo\n\nIt takes a minute. We check it first!\nSend");

        Assert.Equal(4, age.Sentences);
        Assert.Equal(12, age.Words);
    }

    [Fact]
    public void Long_sentences_of_long_words_read_older_than_short_ones_of_short_words()
    {
        var plain = ReadingAge.Of("We look at every photo. Then we put it on the day's page. You can take it down at any time.");
        var dense = ReadingAge.Of("Contributions are moderated by authorised curators prior to publication, and contributors may withdraw their submissions subsequently through the personalised link provided.");

        Assert.InRange(plain.Years, 5, 9);
        Assert.True(dense.Years > plain.Years + 10, $"dense {dense.Years:F1}, plain {plain.Years:F1}");
    }
}
