using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Submissions;
using Soliday.Testing;
using Soliday.Tests.Support;
using Soliday.Words;

namespace Soliday.Tests.Submissions;

public sealed class GivenTimesTests
{
    /// <summary>The day in June, so London keeps summer time (UTC+1).</summary>
    private static readonly DateOnly Day = new(2026, 6, 20);

    [Theory]
    [InlineData("09:15")]
    [InlineData("9:15")]
    [InlineData("09:15:00")]
    [InlineData(" 09:15 ")]
    public void A_time_as_browsers_and_people_write_it_is_placed_on_the_day_in_its_zone(string sent)
    {
        var given = Times(now: At(21, 0)).Read(sent);

        Assert.Null(given.Error);
        Assert.Equal(new DateTimeOffset(2026, 6, 20, 9, 15, 0, TimeSpan.FromHours(1)), given.At);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_field_is_no_time_and_no_error(string? sent)
    {
        Assert.Equal(new GivenTime(null), Times(now: At(21, 0)).Read(sent));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9.15")]
    [InlineData("quarter past nine")]
    [InlineData("09:15 pm")]
    [InlineData("2026-06-20T09:15")]
    public void An_unreadable_time_is_refused_in_words_with_a_code(string sent)
    {
        var given = Times(now: At(21, 0)).Read(sent);

        Assert.Null(given.At);
        Assert.Equal(GivenTimes.InvalidCode, given.Code);
        Assert.Contains("like 09:15", given.Error);
    }

    [Fact]
    public void A_time_that_has_not_come_yet_is_refused_not_moved()
    {
        var given = Times(now: At(9, 0)).Read("21:15");

        Assert.Null(given.At);
        Assert.Equal(GivenTimes.NotYetCode, given.Code);
        Assert.Equal("It is not 21:15 yet. Please give the time it happened, or leave it empty.", given.Error);
    }

    [Fact]
    public void A_time_is_refused_in_the_site_s_language()
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            var words = SiteWords.For(new WordsOptions { Language = PseudoLanguage.Tag, LanguageFolder = folder });
            var times = Times(now: At(9, 0), words);

            Assert.Equal(PseudoLanguage.Say("time.invalid"), times.Read("quarter past nine").Error);
            Assert.Equal(PseudoLanguage.Say("time.notYet").Replace("{time}", "21:15", StringComparison.Ordinal), times.Read("21:15").Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_curator_is_told_in_English_whatever_the_site_s_language()
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            var times = Times(now: At(9, 0), SiteWords.For(new WordsOptions { Language = PseudoLanguage.Tag, LanguageFolder = folder }));

            Assert.Equal("It is not 21:15 yet. Please give the time it happened, or leave it empty.", times.Read("21:15", SiteWords.English).Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_time_a_few_minutes_ahead_of_our_clock_is_taken()
    {
        Assert.Null(Times(now: At(9, 0)).Read("09:04").Error);
        Assert.Equal(GivenTimes.NotYetCode, Times(now: At(9, 0)).Read("09:06").Code);
    }

    [Fact]
    public void A_time_sent_the_day_after_is_a_time_on_the_day_itself()
    {
        var dayAfter = new DateTimeOffset(2026, 6, 21, 8, 0, 0, TimeSpan.FromHours(1));

        var given = Times(now: dayAfter).Read("23:30");

        Assert.Equal(new DateTimeOffset(2026, 6, 20, 23, 30, 0, TimeSpan.FromHours(1)), given.At);
    }

    [Fact]
    public void A_time_the_clocks_skip_in_spring_still_lands_on_the_day()
    {
        var springForward = new DateOnly(2026, 3, 29); // London: 01:00 GMT becomes 02:00 BST
        var options = new SolidayOptions { Day = springForward };

        var at = options.At(new TimeOnly(1, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), at); // 01:30 by the winter clock, 02:30 by the summer one
        Assert.Equal(springForward, options.DateOf(at));
    }

    [Fact]
    public void The_edit_page_shows_the_time_in_the_days_zone()
    {
        var times = Times(now: At(21, 0));

        Assert.Equal("09:15", times.Show(new DateTimeOffset(2026, 6, 20, 8, 15, 0, TimeSpan.Zero)));
        Assert.Equal("", times.Show(null));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2026, 6, 20, hour, minute, 0, TimeSpan.FromHours(1));

    private static GivenTimes Times(DateTimeOffset now, SiteWords? words = null) =>
        new(Options.Create(new SolidayOptions { Day = Day }), new FixedClock(now), words ?? SiteWords.English);
}
