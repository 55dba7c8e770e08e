using System.Net;
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
        Assert.Contains("srcset=\"../media/x/0-320.jpg 320w, ../media/x/0-480.jpg 480w, ../media/x/0-960.jpg 960w\"", html);
        Assert.Contains("width=\"960\" height=\"720\"", html);
    }

    [Fact]
    public async Task No_public_page_but_the_reuse_page_names_a_file_format_or_a_licence_by_its_code()
    {
        var jargon = new[] { "JSON", "IIIF", "RSS", "Atom", "CSV", "TimelineJS", "CC BY", "CC0", "sitemap" };

        foreach (var html in (await RenderAllAsync(Entry(), tagLabel: "#parkrun")).Append(await RenderPageAsync<SearchPage, SearchView>(new SearchView(Day))))
        {
            var words = VisibleText(html);
            Assert.All(jargon, name => Assert.DoesNotContain(name, words));
            Assert.Contains("Reuse the archive", words); // the footer leads to where they are explained
        }
    }

    [Fact]
    public async Task An_entry_page_says_its_licence_as_what_readers_may_do_and_whom_to_name()
    {
        var byMargaret = await RenderEntryPageAsync(Entry(credit: "Margaret"));
        var shareAlike = await RenderEntryPageAsync(Entry(credit: "Tomás") with { Licence = Licences.CcBySa.Id });
        var fromMastodon = await RenderEntryPageAsync(Entry(credit: "@kim@mastodon.social") with { Licence = Licences.WithPermission.Id });

        Assert.Contains("<a rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">Anyone may reuse it if they name Margaret</a>.", byMargaret);
        Assert.Contains("<a href=\"../reuse.html\">How to reuse it</a>", byMargaret);
        Assert.Contains(">Anyone may reuse it if they name Tomás and share what they make the same way</a>", shareAlike);
        Assert.Contains("Shown here with the permission of @kim@mastodon.social, who keeps every right: ask them before reusing it.", fromMastodon);
    }

    [Fact]
    public async Task A_tag_page_s_previews_say_when_by_whom_and_where_and_their_photos_open_the_entry()
    {
        var inWords = Entry(id: "a", credit: "Margaret", place: "Knowle bowls club", tags: ["#bowls"]);
        var byTag = Entry(id: "b", credit: "Sam", tags: ["#bowls", "place:Knowle"]);

        var html = await RenderPartAsync<TagHourSection, TagHourView>(new TagHourView(Day, London, new HourIndex(Day, 10, [inWords, byTag]), "bowls"));

        Assert.Matches("<a class=\"preview\" href=\"\\.\\./entries/a\\.html\">\\s*<picture>", html); // the photo itself is the link
        Assert.Matches("by\\s*Margaret\\s*</span>\\s*<span class=\"place\">Knowle bowls club</span>", html);
        Assert.Matches("by\\s*Sam\\s*</span>\\s*<span class=\"place\">Knowle</span>", html); // no words of their own: the place tag
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
    public async Task An_hour_on_the_day_page_shows_its_picks_first_then_the_earliest_as_thumbnail_tiles_and_links_to_all_of_it()
    {
        var entries = Enumerable.Range(0, 9).Select(i => Entry(id: $"e{i}", text: $"Entry {i} on a long walk along the canal towpath at dusk", alt: $"Photo {i}", minute: i * 5)).ToList();
        entries[7] = entries[7] with { Featured = true };
        entries[2] = entries[2] with { Photos = [] }; // a written post

        var html = await RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(Day, London, new HourIndex(Day, 10, entries)));

        var tiles = Regex.Matches(html, "<li class=\"tile[^\"]*\"><a href=\"entries/(e[0-9])\\.html\">").Select(m => m.Groups[1].Value);
        Assert.Equal(["e7", "e0", "e1", "e2", "e3", "e4"], tiles); // the pick leads, then the day's order, six at most
        Assert.Contains("<picture><source type=\"image/webp\" srcset=\"media/e0/0-320.webp\" /><img src=\"media/e0/0-320.jpg\" alt=\"Photo 0\" width=\"320\" height=\"240\" loading=\"lazy\" decoding=\"async\" /></picture>", html);
        Assert.Contains("<li class=\"tile words\"><a href=\"entries/e2.html\"><span class=\"gist\">Entry 2 on a long walk along the canal towpath at dusk</span>", html);
        Assert.Contains("alt=\"Photo 7\" width=\"320\" height=\"240\" loading=\"lazy\" decoding=\"async\" /></picture><strong class=\"featured\">Curators' pick</strong>", html);
        Assert.Matches("href=\"hours/10.html\">All 9 from 10:00 <span class=\"arrow\" aria-hidden=\"true\">→</span></a>", html);
        Assert.DoesNotContain("Pages of", html); // one page: the link is the way
    }

    [Fact]
    public async Task A_busy_hour_on_the_day_page_links_every_page_of_the_hour_so_every_entry_is_two_clicks_away()
    {
        var entries = Enumerable.Range(0, (2 * HourPaging.EntriesPerPage) + 1).Select(i => Entry(id: $"e{i:000}", minute: i % 60)).ToList();

        var html = await RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(Day, London, new HourIndex(Day, 10, entries)));

        Assert.Equal(DayHourView.TilesPerHour, Regex.Count(html, "<li class=\"tile"));
        Assert.Contains("All 97 from 10:00", html);
        Assert.Contains("<nav class=\"pages\" aria-label=\"Pages of 10:00 to 11:00\"><ol><li><a href=\"hours/10.html\">1</a></li><li><a href=\"hours/10-2.html\">2</a></li><li><a href=\"hours/10-3.html\">3</a></li></ol></nav>", html);
    }

    [Fact]
    public async Task An_empty_hour_writes_nothing_and_the_day_page_says_No_entries_once_for_a_run_of_them()
    {
        int[] counts = [2, 0, 0, 0, 0, 0, 3, .. Enumerable.Repeat(1, 16), 0];

        var empty = await RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(Day, London, new HourIndex(Day, 3, [])));
        var frame = await RenderPageAsync<DayPage, DayFrameView>(new DayFrameView(Day, counts, new SiteOptions { PublicUrl = "https://soliday.example/site/" }, new int[24]));

        Assert.Equal("", empty.Trim());
        Assert.Contains("<p class=\"quiet\" id=\"h01\">No entries 01:00–06:00</p>", frame);
        Assert.Contains("<p class=\"quiet\" id=\"h23\">No entries 23:00–24:00</p>", frame);
        Assert.Equal(2, Regex.Count(frame, "class=\"quiet\""));
        Assert.Contains("<a href=\"#h01\">03:00", frame); // an empty hour's jump link goes to its run's line
    }

    [Fact]
    public async Task An_hour_page_tile_gives_the_time_credit_and_place_and_marks_a_photo_taken_on_another_day()
    {
        var today = Entry(id: "e0", credit: "Margaret", place: "Knowle bowls club");
        var old = Entry(id: "e1", credit: "Sam", tags: ["place:Shirley"]) with { MomentAt = new DateTimeOffset(2009, 5, 3, 14, 5, 0, TimeSpan.FromHours(1)) };

        var todayTile = await RenderPartAsync<HourTile, HourTileView>(new HourTileView(Day, London, today, Eager: true));
        var oldTile = await RenderPartAsync<HourTile, HourTileView>(new HourTileView(Day, London, old, Eager: false));

        Assert.Contains("href=\"../entries/e0.html\"", todayTile);
        Assert.Contains("src=\"../media/e0/0-320.jpg\"", todayTile);
        Assert.Contains("loading=\"eager\"", todayTile);
        Assert.Contains("<p class=\"tile-meta\"><time>10:15</time> by Margaret<span class=\"place\">Knowle bowls club</span><span class=\"caption\">A caption</span></p>", todayTile);
        Assert.Contains("<span class=\"other-day\">Taken 3 May 2009 at 14:05</span> by Sam<span class=\"place\">Shirley</span>", oldTile);
        Assert.Contains("loading=\"lazy\"", oldTile);
    }

    [Fact]
    public async Task A_later_page_of_an_hour_says_which_entries_it_holds_and_links_to_its_neighbouring_pages()
    {
        var html = await RenderPageAsync<HourPage, HourPageView>(new HourPageView(Day, 10, 2, ["<li>tile</li>"], HasNext: true));

        Assert.Contains("<title>10:00 to 11:00, page 2: #Soliday", html);
        Assert.Contains("Page 2: entries 49 to 49, in the order they happened", html);
        Assert.Contains("<a rel=\"prev\" href=\"../hours/10.html\">Previous page of this hour</a>", html);
        Assert.Contains("<a rel=\"next\" href=\"../hours/10-3.html\">Next page of this hour</a>", html);
    }

    [Fact]
    public async Task A_later_page_of_a_tag_s_hour_links_to_its_neighbours_and_back_to_the_tag_not_to_other_hours()
    {
        var html = await RenderPageAsync<HourPage, HourPageView>(new HourPageView(Day, 10, 2, ["<li>tile</li>"], HasNext: true, new PageTag("market", "#market")));

        Assert.Contains("<title>#market, 10:00 to 11:00, page 2: #Soliday", html);
        Assert.Contains("<a rel=\"prev\" href=\"../tags/market.10.html\">Previous page of this hour</a>", html);
        Assert.Contains("<a rel=\"next\" href=\"../tags/market.10-3.html\">Next page of this hour</a>", html);
        Assert.Contains("<a href=\"../tags/market.html\">Every hour with #market</a>", html);
        Assert.DoesNotContain("Other hours", html);
    }

    private static async Task<IReadOnlyList<string>> RenderAllAsync(TimelineEntry entry, string tagLabel)
    {
        var hour = new HourIndex(Day, 10, [entry]);
        var site = new SiteOptions { PublicUrl = "https://soliday.example/site/" };
        return
        [
            await RenderEntryPageAsync(entry),
            await RenderPageAsync<HourPage, HourPageView>(new HourPageView(Day, 10, 1,
                [await RenderPartAsync<HourTile, HourTileView>(new HourTileView(Day, London, entry, Eager: true))], HasNext: false)),
            ComposedDay(await RenderPageAsync<DayPage, DayFrameView>(new DayFrameView(Day, [.. Enumerable.Repeat(1, 24)], site, [.. Enumerable.Repeat(1, 24)])),
                await RenderPartAsync<DayPicksPart, DayHourView>(new DayHourView(Day, London, hour with { Entries = [entry with { Featured = true }] })),
                await RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(Day, London, hour with { Entries = [entry, entry with { Id = "w", Photos = [] }] }))),
            Composed(await RenderPageAsync<TagPage, TagFrameView>(new TagFrameView(Day, tagLabel, [.. Enumerable.Repeat(1, 24)])),
                await RenderPartAsync<TagHourSection, TagHourView>(new TagHourView(Day, London, hour, "market"))),
            await RenderPageAsync<HourPage, HourPageView>(new HourPageView(Day, 10, 2,
                [await RenderPartAsync<HourTile, HourTileView>(new HourTileView(Day, London, entry, Eager: false))], HasNext: true, new PageTag("market", tagLabel))),
            await RenderPageAsync<AboutPage, AboutView>(new AboutView(Day, site)),
            await RenderPageAsync<NumbersPage, NumbersView>(new NumbersView(Day, DayNumbers.Empty.With(HourNumbers.Of(hour)), site)),
        ];
    }

    /// <summary>What a reader sees: the body's text, without its markup, the head, or what the attributes hold.</summary>
    private static string VisibleText(string html) =>
        WebUtility.HtmlDecode(Regex.Replace(html[html.IndexOf("<body", StringComparison.Ordinal)..], "<[^>]*>", " "));

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
            new TimelineImage($"media/{id}/0-320.jpg", "jpeg", 320, 240), new TimelineImage($"media/{id}/0-480.jpg", "jpeg", 480, 360), new TimelineImage($"media/{id}/0-960.jpg", "jpeg", 960, 720),
            new TimelineImage($"media/{id}/0-320.webp", "webp", 320, 240), new TimelineImage($"media/{id}/0-480.webp", "webp", 480, 360), new TimelineImage($"media/{id}/0-960.webp", "webp", 960, 720),
        ])],
    };
}
