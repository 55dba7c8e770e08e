using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// The public site in real Chromium, with a host of its own so the day holds exactly what these
/// tests publish: every kind of page shows the entry, passes axe, and shows hostile captions as
/// text without running anything.
/// </summary>
public sealed class PublicSiteInBrowserTests(PublicSiteInBrowserTests.PublishedDay day, BrowserFixture browser)
    : IClassFixture<PublicSiteInBrowserTests.PublishedDay>, IClassFixture<BrowserFixture>
{
    /// <summary>Each one sets window.__xss (or opens a dialog) if the browser ever runs it.</summary>
    public static readonly string[] XssPayloads =
    [
        "<script>window.__xss = 1</script>",
        "<img src=x onerror=\"window.__xss = 1\">",
        "\"><svg onload=\"window.__xss = 1\">",
        "'><iframe srcdoc=\"<script>parent.__xss = 1</script>\"></iframe>",
        "</textarea><script>alert(1)</script>",
        "<a href=\"javascript:window.__xss = 1\">click me</a>",
        "<!--soliday-hour:05--><style>body{display:none}</style>",
    ];

    private const string Caption = "Evening light on the canal at Catherine-de-Barnes #canalside";

    private string BaseAddress => day.Host.Http.BaseAddress!.ToString();

    [Fact]
    public async Task The_day_page_an_hour_page_an_entry_page_and_a_tag_page_show_the_entry_and_pass_axe()
    {
        var page = await browser.NewPageAsync(BaseAddress);

        await page.GotoAsync("/site/");
        var tile = page.Locator($"#h{day.Hour:00} ul.tiles a[href='entries/{day.EntryId}.html']");
        await Assertions.Expect(tile.Locator("picture img")).ToHaveAttributeAsync("alt", "Water, a towpath and a narrowboat at dusk");
        await Assertions.Expect(tile.Locator("picture source[type='image/webp']")).ToHaveCountAsync(1);
        await Assertions.Expect(tile.Locator(".featured")).ToHaveTextAsync("Curators' pick");
        await Assertions.Expect(page.Locator($"#h{day.Hour:00} ul.tiles li").First).ToContainTextAsync("Curators' pick"); // picks lead their hour
        await Assertions.Expect(page.Locator($"#h{day.Hour:00} ul.tiles li")).ToHaveCountAsync(6); // eight entries, six tiles
        await Assertions.Expect(page.Locator($"#h{day.Hour:00} p.more a")).ToHaveTextAsync($"All 8 from {day.Hour:00}:00 →");
        await tile.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync($"() => {{ const img = document.querySelector(\"#h{day.Hour:00} a[href='entries/{day.EntryId}.html'] img\"); return img && img.complete && img.naturalWidth > 0; }}"); // the thumbnail loads
        await Assertions.Expect(page.Locator("p.quiet").First).ToContainTextAsync("No entries");
        await Assertions.Expect(page.Locator("main p.numbers a")).ToHaveAttributeAsync("href", "numbers.html");
        await Assertions.Expect(page.Locator($"section.picks a.preview[href='entries/{day.EntryId}.html']")).ToContainTextAsync("Evening light on the canal"); // featured
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-day");
        await tile.FocusAsync();
        await page.ScreenshotAsync("site-day-focus"); // the focus ring, as a keyboard user sees it

        await page.Locator($"#h{day.Hour:00} p.more a").ClickAsync();
        var hourTile = page.Locator($"ul.tiles li:has(a[href='../entries/{day.EntryId}.html'])");
        await Assertions.Expect(page.Locator("ul.tiles li")).ToHaveCountAsync(8); // every entry of the hour
        await Assertions.Expect(hourTile.Locator(".tile-meta .place")).ToHaveTextAsync("Catherine-de-Barnes");
        await Assertions.Expect(hourTile.Locator(".tile-meta .caption")).ToHaveTextAsync(Caption);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-hour");

        await hourTile.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/site/entries/{day.EntryId}\\.html$"));
        await Assertions.Expect(page.Locator("article.entry-page .text")).ToHaveTextAsync(Caption);
        await Assertions.Expect(page.Locator("article.entry-page img")).ToHaveAttributeAsync("alt", "Water, a towpath and a narrowboat at dusk");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Report a problem with this entry" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-entry");

        await page.GetByRole(AriaRole.Link, new() { Name = "#canalside" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("#canalside");
        await Assertions.Expect(page.Locator($"a.preview[href='../entries/{day.EntryId}.html']")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-tag");

        await page.GotoAsync("/site/about.html");
        await Assertions.Expect(page.Locator("#terms")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#contact")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_day_in_numbers_counts_what_is_published_in_tables_and_passes_axe()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/site/");

        await page.GetByRole(AriaRole.Link, new() { Name = "The day in numbers" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The day in numbers");
        var published = 1 + XssPayloads.Length;
        await Assertions.Expect(page.Locator("p.intro")).ToContainTextAsync($"{published} entries published so far");
        await Assertions.Expect(page.Locator($"tr:has(th:text-is('{day.Hour:00}:00')) td").Last).ToHaveTextAsync($"{published}");
        await Assertions.Expect(page.Locator("tr:has(th:text-is('The form on this site')) td.number")).ToHaveTextAsync($"{published}");
        Assert.Equal(0, await page.Locator("svg:not([aria-hidden=true])").CountAsync()); // the tables say what the charts show
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-numbers", 390, 1280);
    }

    [Fact]
    public async Task The_reuse_page_is_one_click_from_an_entry_its_files_are_all_there_and_it_passes_axe()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync($"/site/entries/{day.EntryId}.html");
        await Assertions.Expect(page.Locator("a[rel=license]")).ToHaveTextAsync("Anyone may reuse it if they name Priya from Shirley");

        await page.Locator("footer").GetByRole(AriaRole.Link, new() { Name = "Reuse the archive" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reuse the archive");
        var files = await page.Locator("#files ~ dl dt a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        Assert.Equal(7, files.Length);
        foreach (var file in files)
        {
            var response = await page.APIRequest.GetAsync(file);
            Assert.True(response.Ok, $"{file} answered {response.Status}");
        }

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-reuse", 390, 1280);
    }

    [Fact]
    public async Task Hostile_captions_show_as_text_and_run_nothing_on_any_page()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        var paths = new List<string> { "/site/", $"/site/hours/{day.Hour:00}.html" };
        paths.AddRange(day.XssEntryIds.Select(id => $"/site/entries/{id}.html"));
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=x], svg[onload], iframe, main script, a[href^=javascript], style:not(head style)').length"));
            Assert.True(await page.Locator("body").IsVisibleAsync(), $"{path} was hidden by an injected style");
        }

        for (var i = 0; i < XssPayloads.Length; i++)
        {
            await page.GotoAsync($"/site/entries/{day.XssEntryIds[i]}.html");
            await Assertions.Expect(page.Locator("article.entry-page .text")).ToHaveTextAsync(XssPayloads[i]); // shown, as typed
        }

        Assert.Equal(0, dialogs);
        await page.GotoAsync($"/site/entries/{day.XssEntryIds[0]}.html");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_J_and_K_keys_move_between_entries_and_can_be_turned_off()
    {
        var page = await browser.NewPageAsync(BaseAddress, width: 1280);
        await page.GotoAsync($"/site/hours/{day.Hour:00}.html");

        await page.Keyboard.PressAsync("j");
        var first = await FocusedLineAsync(page);
        await page.Keyboard.PressAsync("j");
        var second = await FocusedLineAsync(page);
        await page.Keyboard.PressAsync("k");

        Assert.Matches("^\\.\\./entries/[0-9a-f]{32}\\.html$", first);
        Assert.NotEqual(first, second);
        Assert.Equal(first, await FocusedLineAsync(page));

        // The day page's tiles: the keys move between them too.
        await page.GotoAsync("/site/");
        await page.Keyboard.PressAsync("j");
        var firstLine = await FocusedLineAsync(page);
        await page.Keyboard.PressAsync("j");
        var secondLine = await FocusedLineAsync(page);
        await page.Keyboard.PressAsync("k");

        Assert.Matches("^entries/[0-9a-f]{32}\\.html$", firstLine);
        Assert.Matches("^entries/[0-9a-f]{32}\\.html$", secondLine);
        Assert.NotEqual(firstLine, secondLine);
        Assert.Equal(firstLine, await FocusedLineAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn off the J and K keys for moving between entries" }).ClickAsync();
        await page.Keyboard.PressAsync("j");
        Assert.Equal("", await FocusedLineAsync(page)); // the keys do nothing now
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Every_page_works_with_JavaScript_off()
    {
        var page = await browser.NewPageAsync(BaseAddress, javaScript: false);

        await page.GotoAsync("/site/");
        await page.Locator($"#h{day.Hour:00} ul.tiles a[href='entries/{day.EntryId}.html']").ClickAsync();

        await Assertions.Expect(page.Locator("article.entry-page .text")).ToHaveTextAsync(Caption);
        await page.GetByRole(AriaRole.Link, new() { Name = Display(day.Hour) }).ClickAsync();
        await Assertions.Expect(page.Locator($"ul.tiles a[href='../entries/{day.EntryId}.html']")).ToBeVisibleAsync();
    }

    /// <summary>Where the focused tile leads; empty when the focus is not on a tile.</summary>
    private static Task<string> FocusedLineAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.matches('.tiles a') ? document.activeElement.getAttribute('href') : ''");

    private static string Display(int hour) => $"{hour:00}:00 to {(hour + 1) % 24:00}:00";

    /// <summary>A host with one entry with a photo and tags, and one entry per hostile caption, all published.</summary>
    public sealed class PublishedDay : IAsyncLifetime
    {
        public SolidayHost Host { get; private set; } = null!;

        public string EntryId { get; private set; } = "";

        public int Hour { get; private set; }

        public IReadOnlyList<string> XssEntryIds { get; private set; } = [];

        public async Task InitializeAsync()
        {
            Host = await SolidayHost.StartAsync();
            EntryId = await Host.Http.SubmitAsync(new SubmissionBuilder()
                .With("caption", Caption)
                .With("alt", "Water, a towpath and a narrowboat at dusk")
                .With("place", "Catherine-de-Barnes"));
            var ids = new List<string> { EntryId };
            foreach (var payload in XssPayloads)
            {
                ids.Add(await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", payload).With("alt", payload).With("credit", payload).With("place", payload)));
            }

            foreach (var id in ids)
            {
                await Host.Curator.WaitForQueueAsync(id);
                using var approval = await Host.Curator.ApproveAsync(id);
            }

            foreach (var id in ids)
            {
                await Host.Http.WaitForStatusAsync(id, "published");
            }

            // Featured, so the day page shows it in the curators' picks and leads its hour with it.
            using (await Host.Curator.PostAsync($"/api/curation/{EntryId}/feature", System.Net.Http.Json.JsonContent.Create(new { featured = true })))
            {
            }

            await SolidayApi.EventuallyAsync(async () => (await Host.Http.EntryPageAsync(EntryId)).Contains("Curators' pick", StringComparison.Ordinal), "the featured entry is published again");
            XssEntryIds = ids.Skip(1).ToList();
            Hour = SolidayApi.LocalHour((await Host.Http.StatusAsync(EntryId))["receivedAt"]!.GetValue<DateTimeOffset>());
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
