using System.Globalization;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// A council's translation, proved with a right-to-left test language (Hebrew letters for the English
/// ones, made by the tests and never shipped) given through <c>Site:Language</c> and
/// <c>Site:LanguageFolder</c>: the form, the status and take-down pages, an error page and the public
/// site all say its words, declare its language and direction, and pass axe, in real Chromium.
/// </summary>
public sealed class TranslationInBrowserTests(TranslationInBrowserTests.RightToLeftHost host, BrowserFixture browser)
    : IClassFixture<TranslationInBrowserTests.RightToLeftHost>, IClassFixture<BrowserFixture>
{
    private SolidayHost Host => host.Host;

    [Fact]
    public async Task The_form_says_the_test_language_s_words_from_right_to_left()
    {
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);

        await page.GotoAsync("/api/submit");

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator(".skip-link")).ToHaveTextAsync(PseudoLanguage.Say("shell.skipLink"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("wall.shareYourDay"));
        await Assertions.Expect(page.GetByLabel(PseudoLanguage.Say("form.caption"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = PseudoLanguage.Say("form.send") })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-form", 390, 1280);
    }

    [Fact]
    public async Task The_form_sent_back_says_what_to_fix_in_the_test_language()
    {
        // The form's own script checks before sending; kept out, the server's answer is what is read.
        // (Scripts are on, not turned off, since axe needs one of its own.)
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);
        await page.RouteAsync("**/*.js", route => route.AbortAsync());
        await page.GotoAsync("/api/submit");

        await page.GetByRole(AriaRole.Button, new() { Name = PseudoLanguage.Say("form.send") }).ClickAsync();

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("#error-summary-title")).ToHaveTextAsync(PseudoLanguage.Say("form.checkTheForm"));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(PseudoLanguage.Say("form.error.empty"));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync(PseudoLanguage.Say("form.error.consent"));
        Assert.Equal(PseudoLanguage.Say("form.titleWithError"), await page.TitleAsync());
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-form-errors", 390, 1280);
    }

    [Fact]
    public async Task The_status_and_take_down_pages_say_the_test_language_s_words_from_right_to_left()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "Tea at the library café").With("credit", "Noor"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);

        await page.GotoAsync($"/api/submissions/{id}?key={SolidayApi.SendersKey(id)}");

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("status.heading"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(PseudoLanguage.Say("status.headline.awaitingCuration"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = PseudoLanguage.Say("status.shareAnother") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("blockquote.words")).ToHaveTextAsync("Tea at the library café"); // the resident's words stay as written
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-status", 390, 1280);

        await page.GetByRole(AriaRole.Link, new() { Name = PseudoLanguage.Say("status.removeButton") }).ClickAsync();

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("takedown.heading.ask"));
        await Assertions.Expect(page.Locator("ul.removes")).ToContainTextAsync(PseudoLanguage.Of("your name as shown ({credit})").Replace("{credit}", "Noor"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-takedown", 390, 1280);
    }

    [Fact]
    public async Task A_resident_s_error_page_says_the_test_language_s_words()
    {
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);

        var response = await page.GotoAsync($"/api/submissions/{new string('0', 32)}");

        Assert.Equal(404, response!.Status);
        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("error.notFound.title"));
        await Assertions.Expect(page.Locator("main p").First).ToHaveTextAsync(PseudoLanguage.Say("error.notFound.detail"));
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_public_site_says_the_test_language_s_words_and_its_dates_from_right_to_left()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Morning market on Mell Square").With("credit", "Noor"));
        await Host.Curator.WaitForQueueAsync(id);
        using (await Host.Curator.ApproveAsync(id))
        {
            await Host.Http.WaitForStatusAsync(id, "published");
        }

        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);
        await page.GotoAsync("/site/");

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("day.heading"));
        var day = DateOnly.ParseExact(SharedHost.Day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator(".masthead .date")).ToHaveTextAsync(day.ToString("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("he")));
        await Assertions.Expect(page.Locator(".site-footer")).ToContainTextAsync(PseudoLanguage.Say("footer.reuseLink"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-day", 390, 1280);

        await page.GotoAsync($"/site/entries/{id}.html");

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(PseudoLanguage.Say("entry.licence"));
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(PseudoLanguage.Of("Anyone may reuse it if they name {credit}").Replace("{credit}", "Noor"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-entry", 390, 1280);
    }

    private static async Task AssertRightToLeftAsync(IPage page)
    {
        var html = page.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", PseudoLanguage.Tag);
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", "rtl");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
    }

    /// <summary>A host of its own, in the test language: the shared one speaks English.</summary>
    public sealed class RightToLeftHost : IAsyncLifetime
    {
        private readonly string _languages = PseudoLanguage.WriteFolder();

        public SolidayHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await SolidayHost.StartAsync(new()
        {
            ["Soliday__Day"] = SharedHost.Day,
            ["Site__Language"] = PseudoLanguage.Tag,
            ["Site__LanguageFolder"] = _languages,
        });

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Directory.Delete(_languages, recursive: true);
        }
    }
}
