using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// The search page in real Chromium, on a host of its own: typing finds entries by a word of their
/// caption or their credit (capitals and accents aside), says when nothing matches, announces the
/// count, shows residents' words as text, passes axe, and finds nothing of an entry taken down.
/// </summary>
public sealed class SearchInBrowserTests(SearchInBrowserTests.SearchableDay day, BrowserFixture browser)
    : IClassFixture<SearchInBrowserTests.SearchableDay>, IClassFixture<BrowserFixture>
{
    private const string DancersCaption = "Morris dancers outside the Saracen's Head in Balsall Common";
    private const string DancersCredit = "Zoë Brennan";
    private const string PostCaption = "A quiet Café at the library, reading the paper";
    private const string HostileCaption = "<img src=x onerror=\"window.__xss = 1\"> morris sticks";
    private const string ErasedCaption = "Gwendolyn's surprise party on the green";

    private string BaseAddress => day.Host.Http.BaseAddress!.ToString();

    [Fact]
    public async Task Search_finds_an_entry_by_a_word_of_its_caption_and_by_its_credit_and_says_when_nothing_matches()
    {
        var page = await browser.NewPageAsync(BaseAddress, width: 390);
        var status = page.GetByRole(AriaRole.Status);
        var results = page.Locator("#search-results li");

        await page.GotoAsync("/site/about.html");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search the day" }).ClickAsync(); // from the about page and every tag page
        await page.WaitForURLAsync(new Regex("/site/search\\.html$"));
        await Assertions.Expect(page.Locator(".no-script")).ToBeHiddenAsync();
        await page.AssertAccessibleAsync();

        // A word of the caption, typed as people type: it finds the photo and the hostile caption that shares it.
        await page.GetByLabel("Words to find").FillAsync("Morris");
        await Assertions.Expect(status).ToHaveTextAsync("2 entries found.");
        await Assertions.Expect(status).ToHaveAttributeAsync("aria-live", "polite");
        var dancers = page.Locator($"#search-results a[href='entries/{day.DancersId}.html']");
        await Assertions.Expect(dancers).ToContainTextAsync(DancersCaption);
        var dancersResult = page.Locator($"#search-results li:has(a[href='entries/{day.DancersId}.html'])");
        await Assertions.Expect(dancersResult.Locator(".tile-meta")).ToContainTextAsync($"by {DancersCredit}");
        await Assertions.Expect(dancersResult.Locator(".place")).ToHaveTextAsync("Balsall Common");
        await dancers.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync($"() => {{ const img = document.querySelector(\"#search-results a[href='entries/{day.DancersId}.html'] img\"); return img && img.complete && img.naturalWidth > 0; }}"); // the thumbnail loads
        await Assertions.Expect(page.Locator($"#search-results a[href='entries/{day.HostileId}.html']")).ToContainTextAsync(HostileCaption); // as text
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-search", 390, 1280);

        // The credit, without its accent and in lower case.
        await page.GetByLabel("Words to find").FillAsync("zoe brenn");
        await Assertions.Expect(status).ToHaveTextAsync("1 entry found.");
        await Assertions.Expect(results).ToHaveCountAsync(1);
        await Assertions.Expect(dancers).ToBeVisibleAsync();

        // A written post, by a word with its accent typed in capitals.
        await page.GetByLabel("Words to find").FillAsync("CAFÉ");
        await Assertions.Expect(status).ToHaveTextAsync("1 entry found.");
        await Assertions.Expect(page.Locator($"#search-results li.words a[href='entries/{day.PostId}.html']")).ToContainTextAsync(PostCaption);

        await page.GetByLabel("Words to find").FillAsync("xylophone");
        await Assertions.Expect(status).ToHaveTextAsync("No entries match “xylophone”. Try another word, or fewer words.");
        await Assertions.Expect(results).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("site-search-nothing", 390, 1280);

        // A result leads to its entry's page.
        await page.GetByLabel("Words to find").FillAsync("saracen");
        await dancers.ClickAsync();
        await page.WaitForURLAsync(new Regex($"/site/entries/{day.DancersId}\\.html$"));
        await Assertions.Expect(page.Locator("article.entry-page .text")).ToHaveTextAsync(DancersCaption);
    }

    [Fact]
    public async Task A_search_can_be_linked_to_with_its_words_in_the_address()
    {
        var page = await browser.NewPageAsync(BaseAddress, width: 1280);

        await page.GotoAsync("/site/search.html?q=balsall");

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 entry found.");
        await Assertions.Expect(page.GetByLabel("Words to find")).ToHaveValueAsync("balsall");
    }

    [Fact]
    public async Task With_JavaScript_off_the_search_page_says_so_and_leads_to_the_day()
    {
        var page = await browser.NewPageAsync(BaseAddress, javaScript: false);

        await page.GotoAsync("/site/search.html");

        await Assertions.Expect(page.Locator(".no-script")).ToContainTextAsync("Searching needs JavaScript, which is turned off or not working in this browser.");
        await Assertions.Expect(page.GetByLabel("Words to find")).ToBeHiddenAsync(); // no box that does nothing
        await page.ScreenshotAsync("site-search-no-script", 390, 1280);
        await page.GetByRole(AriaRole.Link, new() { Name = "the day hour by hour" }).ClickAsync();
        await Assertions.Expect(page.Locator($"ul.tiles a[href='entries/{day.DancersId}.html']")).ToBeVisibleAsync();

        // axe needs a script of its own: the page as it stands without ours is checked with search.js kept out.
        var withoutOurScript = await browser.NewPageAsync(BaseAddress);
        await withoutOurScript.RouteAsync("**/search.js", route => route.AbortAsync());
        await withoutOurScript.GotoAsync("/site/search.html");
        await Assertions.Expect(withoutOurScript.Locator(".no-script")).ToBeVisibleAsync();
        await withoutOurScript.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_entry_taken_down_by_its_sender_leaves_every_search_file_and_is_found_no_more()
    {
        Assert.Contains("gwendolyn", await day.Host.Http.SiteFileAsync(SitePaths.SearchIndex(day.Hour))); // findable while published

        await day.Host.Http.TakeDownAsync(Routes.TakedownUrl(day.ErasedId, SolidayApi.SendersKey(day.ErasedId)));

        foreach (var hour in Enumerable.Range(0, 24))
        {
            var file = await day.Host.Http.SiteFileAsync(SitePaths.SearchIndex(hour));
            foreach (var trace in new[] { day.ErasedId, "Gwendolyn", "gwendolyn", "Ifeoma", "ifeoma" })
            {
                Assert.DoesNotContain(trace, file);
            }
        }

        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/site/search.html");
        await page.GetByLabel("Words to find").FillAsync("gwendolyn");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("No entries match “gwendolyn”. Try another word, or fewer words.");
        await page.GetByLabel("Words to find").FillAsync("green");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^No entries match"));
    }

    /// <summary>A host with a photo, a written post, a hostile caption and an entry to take down, all published.</summary>
    public sealed class SearchableDay : IAsyncLifetime
    {
        public SolidayHost Host { get; private set; } = null!;

        public string DancersId { get; private set; } = "";

        public string PostId { get; private set; } = "";

        public string HostileId { get; private set; } = "";

        public string ErasedId { get; private set; } = "";

        public int Hour { get; private set; }

        public async Task InitializeAsync()
        {
            Host = await SolidayHost.StartAsync();
            DancersId = await Host.Http.SubmitAsync(new SubmissionBuilder()
                .With("caption", DancersCaption)
                .With("alt", "Dancers with bells and sticks in a pub car park")
                .With("credit", DancersCredit)
                .With("place", "Balsall Common"));
            PostId = await Host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", PostCaption).With("credit", "Tomasz Nowak"));
            HostileId = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", HostileCaption).With("credit", HostileCaption));
            ErasedId = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", ErasedCaption).With("credit", "Ifeoma Okonkwo"));
            string[] ids = [DancersId, PostId, HostileId, ErasedId];
            foreach (var id in ids)
            {
                await Host.Curator.WaitForQueueAsync(id);
                using var approval = await Host.Curator.ApproveAsync(id);
            }

            foreach (var id in ids)
            {
                await Host.Http.WaitForStatusAsync(id, "published");
            }

            Hour = SolidayApi.LocalHour((await Host.Http.StatusAsync(ErasedId))["receivedAt"]!.GetValue<DateTimeOffset>());
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
