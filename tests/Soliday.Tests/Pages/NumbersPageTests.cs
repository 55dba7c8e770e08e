using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Timeline;

namespace Soliday.Tests.Pages;

/// <summary>The day in numbers (numbers.html), rendered from the day's numbers as the publisher renders it.</summary>
public sealed partial class NumbersPageTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    [Fact]
    public async Task Each_hour_s_row_gives_its_photos_its_written_posts_and_both()
    {
        var numbers = DayNumbers.Empty
            .With(Hour(9, photos: 12, posts: 3))
            .With(Hour(14, photos: 1, posts: 0));

        var html = await RenderAsync(numbers);

        Assert.Contains("<th scope=\"row\">09:00</th><td class=\"number\">12</td><td class=\"number\">3</td><td class=\"number\">15</td>", html);
        Assert.Contains("<th scope=\"row\">14:00</th><td class=\"number\">1</td><td class=\"number\">0</td><td class=\"number\">1</td>", html);
        Assert.Contains("<th scope=\"row\">03:00</th><td class=\"number\">0</td><td class=\"number\">0</td><td class=\"number\">0</td>", html); // every hour has its row
        Assert.Contains("16 entries published so far: 13 with a photo and 3 written.", html);
    }

    [Fact]
    public async Task The_busiest_hour_s_bar_is_the_full_height_with_its_written_part_on_top()
    {
        var html = await RenderAsync(DayNumbers.Empty.With(Hour(9, photos: 30, posts: 10)).With(Hour(10, photos: 20, posts: 0)));

        Assert.Contains("<rect x=\"127\" y=\"20\" width=\"12\" height=\"60\" class=\"bar\"></rect>", html); // 30 of 40, 80 high
        Assert.Contains("<rect x=\"127\" y=\"0\" width=\"12\" height=\"20\" class=\"bar-words\"></rect>", html);
        Assert.Contains("<rect x=\"141\" y=\"40\" width=\"12\" height=\"40\" class=\"bar\"></rect>", html);
    }

    [Fact]
    public async Task The_charts_are_hidden_from_screen_readers_and_every_number_is_in_a_table()
    {
        var html = await RenderAsync(DayNumbers.Empty.With(Hour(9, photos: 2, posts: 1, sources: new() { ["form"] = 3 }, places: new() { ["Knowle"] = 2 })));

        foreach (Match svg in SvgTag().Matches(html))
        {
            Assert.Contains("aria-hidden=\"true\"", svg.Value);
        }

        Assert.Equal(3, Regex.Count(html, "<table class=\"tally\">"));
        Assert.Contains("<caption>Entries per hour of the day</caption>", html);
        Assert.Contains("<th scope=\"row\">The form on this site</th><td class=\"number\">3</td>", html);
        Assert.Contains("<th scope=\"row\">Knowle</th><td class=\"number\">2</td>", html);
        Assert.Contains("<th scope=\"row\">No place named</th><td class=\"number\">1</td>", html);
    }

    [Fact]
    public async Task Sources_are_named_in_words_most_first()
    {
        var numbers = DayNumbers.Empty
            .With(Hour(8, photos: 4, posts: 0, sources: new() { ["mastodon"] = 3, ["form"] = 1 }))
            .With(Hour(9, photos: 5, posts: 1, sources: new() { ["form"] = 4, ["pixelfed"] = 1, [DayNumbers.UnknownSource] = 1 }));

        var html = await RenderAsync(numbers);

        var rows = SourceRows().Matches(Section(html, "by-source")).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["The form on this site", "Mastodon, tagged #Soliday", "Not recorded", "Pixelfed, passed on by a partner"], rows);
    }

    [Fact]
    public async Task Places_beyond_the_dozen_shown_are_one_line_and_the_page_stays_small_however_many_there_are()
    {
        var places = Enumerable.Range(1, 500).ToDictionary(i => $"Place number {i:000} on a long road name", i => i);
        var numbers = DayNumbers.Empty.With(Hour(12, photos: places.Values.Sum(), posts: 0, places: places));

        var html = await RenderAsync(numbers);

        var section = Section(html, "by-place");
        Assert.Equal(NumbersView.PlacesShown + 1, SourceRows().Matches(section).Count);
        Assert.Contains("<th scope=\"row\">Place number 500 on a long road name</th>", section); // the most entries first
        Assert.Contains($"<th scope=\"row\">Other places (488)</th><td class=\"number\">{Enumerable.Range(1, 488).Sum().ToString("N0", Display.Culture)}</td>", section);
        Assert.DoesNotContain("Place number 001", html);
        Assert.InRange(html.Length, 1, 20_000);
    }

    [Fact]
    public async Task A_day_with_nothing_published_says_so_and_still_shows_every_hour()
    {
        var html = await RenderAsync(DayNumbers.Empty);

        Assert.Contains("Nothing has been published yet.", html);
        Assert.Equal(24, Regex.Count(html, "<th scope=\"row\">\\d\\d:00</th>"));
        Assert.DoesNotContain("NaN", html);
    }

    [Fact]
    public async Task A_place_name_with_markup_is_shown_as_text()
    {
        var html = await RenderAsync(DayNumbers.Empty.With(Hour(9, photos: 1, posts: 0, places: new() { ["<script>alert(1)</script>"] = 1 })));

        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    private static HourNumbers Hour(int hour, int photos, int posts, Dictionary<string, int>? sources = null, Dictionary<string, int>? places = null) =>
        new(hour, 1, photos, posts, sources ?? new() { ["form"] = photos + posts }, places ?? []);

    /// <summary>From a section's heading to the next section.</summary>
    private static string Section(string html, string headingId)
    {
        var start = html.IndexOf($"id=\"{headingId}\"", StringComparison.Ordinal);
        var end = html.IndexOf("</section>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    private static async Task<string> RenderAsync(DayNumbers numbers)
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await new PageRenderer(services, services.GetRequiredService<ILoggerFactory>())
            .RenderAsync<NumbersPage, NumbersView>(new NumbersView(Day, numbers, new SiteOptions { PublicUrl = "https://soliday.example/site/" }));
    }

    [GeneratedRegex("<svg[^>]*>")]
    private static partial Regex SvgTag();

    [GeneratedRegex("<tr>\\s*<th scope=\"row\">([^<]*)</th>")]
    private static partial Regex SourceRows();
}
