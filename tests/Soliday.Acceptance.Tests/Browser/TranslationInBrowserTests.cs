using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// A council's translation, proved with a right-to-left test language (Hebrew letters for the English
/// ones, made by the tests and never shipped) given through <c>Site:Language</c> and
/// <c>Site:LanguageFolder</c>: the form, volunteer mode and its slip, the status and take-down pages,
/// the report form and its thank-you page, an error page and the public site all say its words,
/// declare its language and direction, and pass axe, in real Chromium; the arrows point the way it reads.
/// </summary>
public sealed class TranslationInBrowserTests(TranslationInBrowserTests.RightToLeftHost host, BrowserFixture browser)
    : IClassFixture<TranslationInBrowserTests.RightToLeftHost>, IClassFixture<BrowserFixture>
{
    private const string HelperCode = "noor-helps-at-the-chelmsley-wood-library";

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
        await Assertions.Expect(page.Locator(".auto-refresh")).ToHaveTextAsync(PseudoLanguage.Say("status.autoRefresh")); // shown by status.js
        await Assertions.Expect(page.Locator(".auto-refresh")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("blockquote.words")).ToHaveTextAsync("Tea at the library café"); // the resident's words stay as written
        await Assertions.Expect(page.Locator("dl.summary")).ToContainTextAsync(PseudoLanguage.Say("status.licence.ccBy")); // the choice, in words
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
    public async Task Volunteer_mode_and_the_slip_say_the_test_language_s_words_from_right_to_left()
    {
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);
        await page.GotoAsync("/api/submit");

        await page.GetByRole(AriaRole.Link, new() { Name = PseudoLanguage.Say("helper.link") }).ClickAsync();

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("helper.title"));
        await Assertions.Expect(page.GetByLabel(PseudoLanguage.Say("helper.codeLabel"))).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        // A wrong code is refused in the test language's words.
        await page.Locator("#code").FillAsync("not-a-code-anyone-was-given");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#helper-error")).ToHaveTextAsync(PseudoLanguage.Say("helper.error.wrongCode"));
        Assert.Equal(PseudoLanguage.Say("helper.titleWithError"), await page.TitleAsync());

        await page.Locator("#code").FillAsync(HelperCode);
        await page.Keyboard.PressAsync("Enter");

        // The form in volunteer mode: the notice at its top and the resident's own words and box.
        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("#helper-notice-title")).ToHaveTextAsync(PseudoLanguage.Say("helper.notice.title"));
        await Assertions.Expect(page.Locator(".helper-notice p")).ToHaveTextAsync(PseudoLanguage.Say("helper.notice.helping").Replace("{name}", "Noor Khan"));
        await Assertions.Expect(page.Locator("#resident-consent-words")).ToHaveTextAsync(PseudoLanguage.Say("helper.consent.words").Replace("{name}", "Noor Khan"));
        await Assertions.Expect(page.GetByLabel(PseudoLanguage.Say("helper.consent.label"))).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-volunteer-form", 390, 1280);

        await page.Locator("#caption").FillAsync("Dominoes at the library");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("#resident-consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = PseudoLanguage.Say("form.send") }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("status.heading"), new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = PseudoLanguage.Say("slip.link") }).ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/slip\\?key="));
        await AssertRightToLeftAsync(page);
        Assert.Equal(PseudoLanguage.Say("slip.title"), await page.TitleAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("slip.heading"));
        await Assertions.Expect(page.Locator(".slip-lead")).ToHaveTextAsync(PseudoLanguage.Say("slip.lead"));
        await Assertions.Expect(page.Locator(".on-screen p").First).ToHaveTextAsync(PseudoLanguage.Say("slip.printForNamed").Replace("{name}", "Noor Khan"));
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = PseudoLanguage.Say("slip.takedownCode") })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-slip", 390, 1280);
    }

    [Fact]
    public async Task The_report_form_and_its_thank_you_page_say_the_test_language_s_words_from_right_to_left()
    {
        var id = await Host.PublishEntryAsync("Bunting on the Knowle high street");
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);
        await page.GotoAsync($"/site/entries/{id}.html");

        await page.GetByRole(AriaRole.Link, new() { Name = PseudoLanguage.Say("entry.report") }).ClickAsync();

        await AssertRightToLeftAsync(page);
        Assert.Equal(PseudoLanguage.Say("report.title"), await page.TitleAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("report.heading"));
        await Assertions.Expect(page.Locator(".reported-entry .text")).ToHaveTextAsync("Bunting on the Knowle high street"); // the resident's words stay as written
        await Assertions.Expect(page.Locator("legend")).ToHaveTextAsync(PseudoLanguage.Say("report.reasonLegend"));
        await Assertions.Expect(page.GetByLabel(PseudoLanguage.Say("report.reason.hurtful"))).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-report-form", 390, 1280);

        // Sent with nothing chosen: what to fix, in the test language.
        await page.GetByRole(AriaRole.Button, new() { Name = PseudoLanguage.Say("report.send") }).ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary-title")).ToHaveTextAsync(PseudoLanguage.Say("report.checkTheForm"));
        await Assertions.Expect(page.Locator("#reason-error")).ToContainTextAsync(PseudoLanguage.Say("report.error.reason"));
        Assert.Equal(PseudoLanguage.Say("report.titleWithError"), await page.TitleAsync());
        await AssertRightToLeftAsync(page);
        await page.AssertAccessibleAsync();

        await page.GetByLabel(PseudoLanguage.Say("report.reason.hurtful")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = PseudoLanguage.Say("report.send") }).ClickAsync();

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(PseudoLanguage.Say("report.thanks.title"));
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            PseudoLanguage.Say("report.thanks.youToldUs").Replace("{reason}", PseudoLanguage.Say("report.reason.hurtful")));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = PseudoLanguage.Say("report.thanks.backToEntry") })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-report-thanks", 390, 1280);
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
        await AssertArrowPointsTheWayTheWordsReadAsync(page.Locator("p.more a").First);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-day", 390, 1280);

        await page.GotoAsync($"/site/entries/{id}.html");

        await AssertRightToLeftAsync(page);
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(PseudoLanguage.Say("entry.licence"));
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync(PseudoLanguage.Of("Anyone may reuse it if they name {credit}").Replace("{credit}", "Noor"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-entry", 390, 1280);
    }

    [Fact]
    public async Task The_form_s_script_says_its_labels_checks_and_progress_in_the_test_language()
    {
        var notAPhoto = Path.Combine(Path.GetTempPath(), "soliday-rtl-notes.txt");
        await File.WriteAllTextAsync(notAPhoto, "not a photo");
        string[] photos = [.. new[] { "DN__jpg_Blackberry_Z10.jpg", "EX__jpg_gps_DSCN0042.jpg", "EX__jpg_Canon_40D.jpg", "EX__jpg_xmp_no_exif.jpg", "RO__Portrait_0.jpg" }.Select(name => Corpus.File("real-exif", name))];
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 390);
        await page.GotoAsync("/api/submit");

        // The one picker for every photo, as submit.js makes it.
        await Assertions.Expect(page.Locator("label[for=photo]")).ToHaveTextAsync(Say("submitScript.choose"));
        await Assertions.Expect(page.Locator("#picker-hint")).ToHaveTextAsync(Say("submitScript.chooseHint", ("max", "4")));

        // What it cannot take is said at once; what it takes is shown with its name, size and a button to remove it.
        await page.Locator("#photo").SetInputFilesAsync([notAPhoto, .. photos]);
        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync(Say("submitScript.notAPicture", ("name", "soliday-rtl-notes.txt")));
        await Assertions.Expect(page.Locator("#photo-error")).ToContainTextAsync(Say("submitScript.tooMany", ("max", "4"), ("name", "RO__Portrait_0.jpg")));
        await Assertions.Expect(page.Locator(".chosen-photo p").First).ToHaveTextAsync("DN__jpg_Blackberry_Z10.jpg (" + Say("submitScript.megabytes", ("megabytes", "1.4")) + ")");
        await Assertions.Expect(page.Locator(".chosen-photo p").Nth(2)).ToHaveTextAsync("EX__jpg_Canon_40D.jpg (" + Say("submitScript.lessThan", ("megabytes", "0.1")) + ")");
        await Assertions.Expect(page.Locator(".chosen-photo img").Nth(1)).ToHaveAttributeAsync("alt", Say("submitScript.chosenAlt", ("number", "2")));

        // Its checks before sending, in the server's words where the server says them too.
        await page.Locator("#alt").FillAsync("Baskets of vegetables on the church steps");
        await page.Locator("form.submission button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#alt-2-error")).ToHaveTextAsync(PseudoLanguage.Say("form.error.describe").Replace("{which}", Say("form.error.whichNumbered", ("number", "2"))));
        await Assertions.Expect(page.Locator("#consent-error")).ToHaveTextAsync(PseudoLanguage.Say("form.error.consent"));
        await AssertRightToLeftAsync(page);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-form-script", 390, 1280);

        for (var left = 3; left > 0; left--)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = Say("submitScript.remove", ("number", "2")) }).ClickAsync();
        }

        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToHaveCountAsync(1);

        // Sent over a slow connection (1.4 MB at 200 KB/s): the progress in the test language's words, as it goes.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 100, ["downloadThroughput"] = 500_000, ["uploadThroughput"] = 200_000,
        });
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("#upload-status")).ToHaveTextAsync(new Regex("^" + Regex.Escape(PseudoLanguage.Of("Sent ")) + "\\d+%$"));
        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task The_wall_search_and_keys_scripts_say_the_test_language_s_words()
    {
        const string credit = "Tomasz Nowak";
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString(), width: 1280, height: 720);
        await page.GotoAsync("/site/wall.html?advance=1&refresh=1");

        // A photo without words, published while the wall is up: wall.js makes its slide from the feed.
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().Without("caption").With("credit", credit).With("alt", "A kite over the trees"));
        await Host.Curator.WaitForQueueAsync(id);
        using (await Host.Curator.ApproveAsync(id))
        {
            await Host.Http.WaitForStatusAsync(id, "published");
        }

        var slide = page.Locator($".slide[data-id='entries/{id}.html']");
        await Assertions.Expect(slide.Locator(".credit")).ToHaveTextAsync(Say("site.photoBy", ("credit", credit)), new() { Timeout = 20_000 });
        Assert.Equal(0, await slide.Locator(".caption").CountAsync()); // the feed's title for it, in the test language too, is no caption
        await page.Locator("#wall-pause").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#wall-pause")).ToHaveTextAsync(PseudoLanguage.Say("wallScript.play"));
        var count = await page.Locator(".slide").CountAsync();
        await Assertions.Expect(page.Locator(".wall-position")).ToHaveTextAsync(new Regex("^" + Regex.Escape(PseudoLanguage.Say("wallScript.position")).Replace("\\{position}", "[1-9][0-9]*").Replace("\\{count}", count.ToString(CultureInfo.InvariantCulture)) + "$"));

        // ← points the way the words read, so it leads on to the next slide; → back.
        var position = await SlidePositionAsync(page);
        await page.Keyboard.PressAsync("ArrowLeft");
        await SolidayApi.EventuallyAsync(async () => await SlidePositionAsync(page) == (position % count) + 1, "← leads on to the next slide");
        await page.Keyboard.PressAsync("ArrowRight");
        await SolidayApi.EventuallyAsync(async () => await SlidePositionAsync(page) == position, "→ goes back to the slide before");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#wall-pause")).ToHaveTextAsync(PseudoLanguage.Say("wall.pause"));
        await AssertRightToLeftAsync(page);

        // search.js: the count in the language's plural form, a result's words, and nothing found.
        await page.GotoAsync("/site/search.html");
        await page.GetByLabel(PseudoLanguage.Say("search.label")).FillAsync("tomasz");
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(PseudoLanguage.Of("{count} entry found.").Replace("{count}", "1"));
        var result = page.Locator($"#search-results li:has(a[href='entries/{id}.html'])");
        await Assertions.Expect(result.Locator(".caption")).ToHaveTextAsync(Say("site.aPhotoBy", ("credit", credit)));
        await Assertions.Expect(result.Locator(".tile-meta")).ToContainTextAsync(PseudoLanguage.Of(" by {credit}").Replace("{credit}", credit));
        await AssertRightToLeftAsync(page);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("rtl-search", 390, 1280);
        await page.GetByLabel(PseudoLanguage.Say("search.label")).FillAsync("xylophone");
        await Assertions.Expect(status).ToHaveTextAsync(Say("searchScript.none", ("words", "xylophone")));

        // site.js: the button that turns the J and K keys off, and on again.
        await page.GetByRole(AriaRole.Button, new() { Name = PseudoLanguage.Say("siteScript.shortcutsOff") }).ClickAsync();
        await Assertions.Expect(page.Locator(".shortcuts button")).ToHaveTextAsync(PseudoLanguage.Say("siteScript.shortcutsOn"));
        await page.Locator(".shortcuts button").ClickAsync();
        await Assertions.Expect(page.Locator(".shortcuts button")).ToHaveTextAsync(PseudoLanguage.Say("siteScript.shortcutsOff"));
    }

    /// <summary>The wall's slide number, the first number its position line says.</summary>
    private static async Task<int> SlidePositionAsync(IPage page) =>
        int.Parse(Regex.Match(await page.Locator(".wall-position").TextContentAsync() ?? "", "[0-9]+").Value, CultureInfo.InvariantCulture);

    /// <summary>A sentence of the test language with its placeholders filled: what a script writes.</summary>
    private static string Say(string key, params (string Name, string Value)[] values) =>
        values.Aggregate(PseudoLanguage.Say(key), (sentence, value) => sentence.Replace($"{{{value.Name}}}", value.Value, StringComparison.Ordinal));

    /// <summary>
    /// "→" has no mirrored form, so the page turns it: it stands at the link's left end, where the
    /// words end, and is drawn flipped, pointing left, onwards in a right-to-left language.
    /// </summary>
    private static async Task AssertArrowPointsTheWayTheWordsReadAsync(ILocator link)
    {
        var arrow = link.Locator(".arrow");
        await Assertions.Expect(arrow).ToHaveTextAsync("→");
        Assert.Equal("matrix(-1, 0, 0, 1, 0, 0)", await arrow.EvaluateAsync<string>("a => getComputedStyle(a).transform"));
        var arrowBox = await arrow.BoundingBoxAsync();
        var linkBox = await link.BoundingBoxAsync();
        Assert.True(arrowBox!.X - linkBox!.X < 1, $"the arrow is at the link's left end (arrow at {arrowBox.X}, link from {linkBox.X})");
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
            ["Submissions__HelperCodes__0__Name"] = "Noor Khan",
            ["Submissions__HelperCodes__0__Code"] = HelperCode,
        });

        public async Task DisposeAsync()
        {
            await Host.DisposeAsync();
            Directory.Delete(_languages, recursive: true);
        }
    }
}
