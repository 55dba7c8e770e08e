using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Timeline;

namespace Soliday.Tests.Pages;

/// <summary>The public site's pages and parts, rendered as the publisher renders them.</summary>
public sealed class SitePagesTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateOnly Day = new(2026, 6, 20);

    public static TheoryData<string> Payloads { get; } = new()
    {
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<!--soliday-hour:03-->",
        "</textarea><svg onload=alert(1)>",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Text_people_write_is_shown_as_text_on_every_page_never_as_markup(string payload)
    {
        var entry = Entry(text: payload, credit: payload, alt: payload, place: payload, tags: [$"#{payload}", $"place:{payload}"]);

        foreach (var html in await RenderAllAsync(entry, tagLabel: PublicTags.Label(entry.Tags[0])))
        {
            Assert.DoesNotContain(payload, html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
            Assert.DoesNotContain("<svg onload", html);
            Assert.DoesNotContain("href=\"javascript:", html);
        }
    }

    [Fact]
    public async Task An_entry_page_shows_the_photo_caption_description_credit_licence_time_place_and_tags()
    {
        var entry = Entry(text: "Bowls on the green", credit: "Margaret", alt: "Four players on a bowling green", place: "Knowle bowls club", tags: ["#bowls", "place:Knowle", "colour:green"]);

        var html = await RenderEntryPageAsync(entry);

        Assert.Contains("Bowls on the green", html);
        Assert.Contains("alt=\"Four players on a bowling green\"", html);
        Assert.Contains("<summary>Description of the photo</summary>", html);
        Assert.Contains("Margaret", html);
        Assert.Contains("rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\"", html);
        Assert.Contains("<time datetime=\"2026-06-20T10:15:00", html);
        Assert.Contains("Knowle bowls club", html);
        Assert.Contains("href=\"../tags/place-knowle.html\"", html);
        Assert.Contains("href=\"../tags/bowls.html\">#bowls</a>", html);
        Assert.Contains("href=\"../tags/colour-green.html\">Colour: green</a>", html);
        Assert.Contains("Report a problem with this entry", html);
        Assert.Contains("srcset=\"../media/x/0-480.jpg 480w, ../media/x/0-960.jpg 960w\"", html);
        Assert.Contains("width=\"960\" height=\"720\"", html);
    }

    [Fact]
    public async Task Every_site_page_forbids_inline_script_and_loads_only_its_own_script()
    {
        foreach (var html in await RenderAllAsync(Entry(), tagLabel: "#parkrun"))
        {
            Assert.Contains("script-src 'self'", html);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=\"(\\.\\./)?site\\.js\")", html);
            Assert.DoesNotMatch("<[^>]+\\son[a-z]+=", html); // no event handler attributes
        }
    }

    [Fact]
    public async Task An_hour_on_the_day_page_lists_every_entry_as_a_line_and_links_to_the_hour()
    {
        var entries = Enumerable.Range(0, 6).Select(i => Entry(id: $"e{i}", text: $"Entry {i} on a long walk along the canal towpath at dusk", minute: i * 5)).ToList();
        entries[4] = entries[4] with { Featured = true };
        entries[5] = entries[5] with { Text = "" }; // no caption: what the photo shows

        var html = await RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(Day, London, new HourIndex(Day, 10, entries)));

        Assert.Equal(6, Regex.Count(html, "<li><a href=\"entries/e[0-5]\\.html\"><time>10:[0-9]{2}</time> "));
        Assert.Contains("<time>10:05</time> Entry 1 on a long walk along the canal…</a>", html); // cut at a word
        Assert.Contains("entries/e4.html\"><time>10:20</time> Entry 4 on a long walk along the canal…</a><strong class=\"featured\">Curators' pick</strong>", html);
        Assert.Contains($"entries/e5.html\"><time>10:25</time> {entries[5].Photos[0].Alt}</a>", html);
        Assert.DoesNotContain("<img", html); // lines only: the photos are on the hour's page
        Assert.Contains("href=\"hours/10.html\">See all 6 entries from 10:00 to 11:00 with photos", html);
    }

    [Fact]
    public async Task A_line_for_a_moment_on_another_day_gives_its_date_and_a_machine_readable_time()
    {
        var entry = Entry(id: "e0", text: "") with { Photos = [], MomentAt = new DateTimeOffset(2026, 6, 19, 23, 30, 0, TimeSpan.FromHours(1)) };

        var html = await RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(Day, London, new HourIndex(Day, 10, [entry])));

        Assert.Matches("<time datetime=\"2026-06-19T22:30Z\">[^<]+</time> A written post</a>", html);
    }

    private static async Task<IReadOnlyList<string>> RenderAllAsync(TimelineEntry entry, string tagLabel)
    {
        var hour = new HourIndex(Day, 10, [entry]);
        var site = new SiteOptions { PublicUrl = "https://soliday.example/site/" };
        return
        [
            await RenderEntryPageAsync(entry),
            await RenderPageAsync<HourPage, HourPageView>(new HourPageView(Day, London, hour,
                [await RenderPartAsync<HourEntryCard, HourCardView>(new HourCardView(Day, London, entry, Eager: true))])),
            ComposedDay(await RenderPageAsync<DayPage, DayFrameView>(new DayFrameView(Day, [.. Enumerable.Repeat(1, 24)], site, [.. Enumerable.Repeat(1, 24)])),
                await RenderPartAsync<DayPicksPart, DayHourView>(new DayHourView(Day, London, hour with { Entries = [entry with { Featured = true }] })),
                await RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(Day, London, hour))),
            Composed(await RenderPageAsync<TagPage, TagFrameView>(new TagFrameView(Day, tagLabel, [.. Enumerable.Repeat(1, 24)])),
                await RenderPartAsync<TagHourSection, TagHourView>(new TagHourView(Day, London, hour))),
            await RenderPageAsync<AboutPage, AboutView>(new AboutView(Day, site)),
        ];
    }

    /// <summary>A frame with one hour's part in place of hour 10, as the composed blob reads.</summary>
    private static string Composed(string frame, string part)
    {
        var pieces = HourMarkers.Split(frame);
        return string.Concat(pieces.Take(11)) + part + string.Concat(pieces.Skip(11));
    }

    /// <summary>The day page with hour 10's share of the picks and its section in place.</summary>
    private static string ComposedDay(string frame, string lead, string part)
    {
        var pieces = HourMarkers.Split(frame, withLeads: true);
        return string.Concat(pieces.Take(11)) + lead + string.Concat(pieces.Skip(11).Take(24)) + part + string.Concat(pieces.Skip(35));
    }

    private static Task<string> RenderEntryPageAsync(TimelineEntry entry) =>
        RenderPageAsync<EntryPage, EntryPageView>(new EntryPageView(Day, London, entry, 10, null, null, "../about.html#contact", "https://soliday.example/site/entries/x.html"));

    private static async Task<string> RenderPageAsync<TPage, TModel>(TModel model)
        where TPage : IComponent, IPage<TModel>
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await new PageRenderer(services, services.GetRequiredService<ILoggerFactory>()).RenderAsync<TPage, TModel>(model);
    }

    private static async Task<string> RenderPartAsync<TPart, TModel>(TModel model)
        where TPart : IComponent, IPage<TModel>
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        return await new PageRenderer(services, services.GetRequiredService<ILoggerFactory>()).RenderPartAsync<TPart, TModel>(model);
    }

    private static TimelineEntry Entry(
        string id = "x", string text = "A caption", string credit = "Anonymous", string alt = "A description", int minute = 15, string? place = null, string[]? tags = null) => new()
    {
        Id = id,
        Text = text,
        Credit = credit,
        Licence = "CC-BY-4.0",
        MomentAt = new DateTimeOffset(2026, 6, 20, 10, minute, 0, TimeSpan.FromHours(1)),
        PlacedAt = new DateTimeOffset(2026, 6, 20, 10, minute, 0, TimeSpan.FromHours(1)),
        PublishedAt = DateTimeOffset.UnixEpoch,
        Place = place,
        Tags = PublicTags.Of((tags ?? []).Select(t => EntryTag.Parse(t)!)),
        Photos = [new TimelinePhoto(alt, 1600, 1200,
        [
            new TimelineImage($"media/{id}/0-480.jpg", "jpeg", 480, 360), new TimelineImage($"media/{id}/0-960.jpg", "jpeg", 960, 720),
            new TimelineImage($"media/{id}/0-480.webp", "webp", 480, 360), new TimelineImage($"media/{id}/0-960.webp", "webp", 960, 720),
        ])],
    };
}
