using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// The wall for screens at events and the poster to print, in real Chromium, with a host of their
/// own so the day starts empty and holds only what these tests publish.
/// </summary>
public sealed partial class WallAndPosterInBrowserTests(WallAndPosterInBrowserTests.EmptyDay day, BrowserFixture browser)
    : IClassFixture<WallAndPosterInBrowserTests.EmptyDay>, IClassFixture<BrowserFixture>
{
    // One story from an empty day, in order: xunit does not order a class's tests, and the empty wall comes first.

    /// <summary>Short turns, set in the address as a screen's operator could: the page's own are 8 s and 60 s.</summary>
    private const string Fast = "/site/wall.html?advance=1&refresh=1";

    private const string CurrentCaption = ".slide:not([hidden]) .caption";

    private string BaseAddress => day.Host.Http.BaseAddress!.ToString();

    private Uri FormAddress => new(day.Host.Http.BaseAddress!, "api/submit");

    [Fact]
    public async Task The_wall_starts_empty_advances_pauses_by_keyboard_picks_up_a_new_entry_and_works_without_scripts_or_motion()
    {
        // Nothing published yet: it says so, with the way to the form.
        var page = await browser.NewPageAsync(BaseAddress, width: 1280, height: 720);
        await page.GotoAsync(Fast);
        await Assertions.Expect(page.Locator(".wall-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".wall-empty")).ToContainTextAsync("Nothing here yet");
        await AssertTheWayToTheFormAsync(page);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("wall-empty", 390, 1280);

        await day.PublishAsync("Tea and cake at the library café", "Cups and a cake stand on a table");
        await day.PublishAsync("The number 37 bus in the rain at Shirley", "A red bus on a wet road");
        await Assertions.Expect(page.Locator(".slide")).ToHaveCountAsync(2, new() { Timeout = 20_000 }); // from the feed, within its refresh
        await Assertions.Expect(page.Locator(".wall-empty")).ToBeHiddenAsync();

        // It turns by itself: each caption in turn, one slide at a time.
        var seen = new HashSet<string>();
        await SolidayApi.EventuallyAsync(async () =>
        {
            Assert.Equal(1, await page.Locator(".slide:not([hidden])").CountAsync());
            seen.Add(await page.Locator(CurrentCaption).TextContentAsync() ?? "");
            return seen.Count == 2;
        }, "the wall shows both entries in turn");
        await page.WaitForFunctionAsync("() => { const img = document.querySelector('.slide:not([hidden]) img'); return img && img.complete && img.naturalWidth > 0; }");

        // Paused from the keyboard: it holds the slide, and says so.
        await page.TabToAsync("wall-pause");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#wall-pause")).ToHaveTextAsync("Play");
        await Assertions.Expect(page.Locator(".slides")).ToHaveAttributeAsync("aria-live", "polite");
        var held = await page.Locator(CurrentCaption).TextContentAsync();
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // three turns and more
        Assert.Equal(held, await page.Locator(CurrentCaption).TextContentAsync());
        await page.AssertAccessibleAsync(); // held, so the fade is over: axe measures contrast at full opacity
        await page.ScreenshotAsync("wall", 390, 1280);

        // The arrow keys still move by hand while paused, and it stays on the slide chosen.
        await page.Keyboard.PressAsync("ArrowRight");
        var chosen = await page.Locator(CurrentCaption).TextContentAsync();
        Assert.NotEqual(held, chosen);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.Equal(chosen, await page.Locator(CurrentCaption).TextContentAsync());

        // The space bar (away from the button) plays it again; a new entry is the next slide shown.
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync(" ");
        await Assertions.Expect(page.Locator("#wall-pause")).ToHaveTextAsync("Pause");
        await day.PublishAsync("Bowls on the green at Knowle <b>not bold</b>", "Players on a bowling green");
        await Assertions.Expect(page.Locator(CurrentCaption)).ToHaveTextAsync("Bowls on the green at Knowle <b>not bold</b>", new() { Timeout = 20_000 });
        Assert.Equal(0, await page.Locator(".slide b").CountAsync()); // the feed's text is text
        await Assertions.Expect(page.Locator(".slide:not([hidden]) img")).ToHaveAttributeAsync("alt", "Players on a bowling green");
        await Assertions.Expect(page.Locator(".slide:not([hidden]) .credit")).ToHaveTextAsync("Photo by Priya from Shirley");

        // With "reduce motion": no fade, and it still turns (the pause button holds it for anyone who wants).
        Assert.Equal("wall-fade", await page.Locator(".slide:not([hidden])").EvaluateAsync<string>("slide => getComputedStyle(slide).animationName"));
        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        var before = await page.Locator(CurrentCaption).TextContentAsync();
        await SolidayApi.EventuallyAsync(async () => await page.Locator(CurrentCaption).TextContentAsync() != before, "the wall still advances with reduced motion");
        Assert.Equal("none", await page.Locator(".slide:not([hidden])").EvaluateAsync<string>("slide => getComputedStyle(slide).animationName"));

        // With scripts off: the latest entries the page was written with, and the way to the form.
        var still = await browser.NewPageAsync(BaseAddress, width: 1280, javaScript: false);
        await SolidayApi.EventuallyAsync(async () =>
        {
            await still.GotoAsync("/site/wall.html");
            return await still.Locator(".slide").CountAsync() == 3;
        }, "the wall page is written with the three entries");
        await Assertions.Expect(still.Locator(".slide").First.Locator(".caption")).ToHaveTextAsync("Bowls on the green at Knowle <b>not bold</b>"); // newest first
        await Assertions.Expect(still.Locator(".slide").Nth(2).Locator("img")).ToBeVisibleAsync(); // all of them, not one at a time
        await Assertions.Expect(still.Locator(".wall-controls")).ToBeHiddenAsync(); // nothing to press without the script
        await Assertions.Expect(still.Locator(".wall-empty")).ToBeHiddenAsync();
        await AssertTheWayToTheFormAsync(still);
        await still.ScreenshotAsync("wall-no-script", 390, 1280);

        // With its script, the slides the page was written with are kept when the feed says they have not changed.
        var kept = await browser.NewPageAsync(BaseAddress, width: 1280);
        var feedHeld = new TaskCompletionSource();
        await kept.RouteAsync("**/feed.json", async route =>
        {
            await feedHeld.Task; // the first answer waits until the page's own slide is marked
            await route.ContinueAsync();
        });
        await kept.GotoAsync(Fast);
        await kept.Locator(".slide").First.EvaluateAsync("slide => { slide.dataset.fromPage = 'yes'; }");
        var answered = kept.WaitForResponseAsync(response => response.Url.EndsWith("/feed.json", StringComparison.Ordinal));
        feedHeld.SetResult();
        await answered;
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // and one more
        await Assertions.Expect(kept.Locator(".slide[data-from-page='yes']")).ToHaveCountAsync(1);

        // axe needs scripts to run: the same page with only the wall's script refused, as when it fails to load.
        var unscripted = await browser.NewPageAsync(BaseAddress, width: 1280);
        await unscripted.RouteAsync("**/wall.js", route => route.AbortAsync());
        await unscripted.GotoAsync("/site/wall.html");
        await Assertions.Expect(unscripted.Locator(".slide")).ToHaveCountAsync(3);
        await Assertions.Expect(unscripted.Locator(".wall-controls")).ToBeHiddenAsync();
        await unscripted.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_poster_prints_on_exactly_one_A4_page_with_the_day_the_form_and_three_steps()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/site/about.html");
        await page.GetByRole(AriaRole.Link, new() { Name = "the poster" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/site/poster\\.html$"));

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("#Soliday");
        await Assertions.Expect(page.Locator("ol.steps li")).ToHaveCountAsync(3);
        await AssertTheWayToTheFormAsync(page);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("poster", 390, 1280);

        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true }));

        Assert.Equal(1, PdfPage().Count(pdf));
        var box = MediaBox().Match(pdf);
        Assert.True(box.Success, "the PDF names its page size");
        Assert.InRange(double.Parse(box.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 597); // A4: 210 mm = 595.3 pt
        Assert.InRange(double.Parse(box.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 844); // 297 mm = 841.9 pt
    }

    /// <summary>The QR code, as the browser draws it, reads back as the form's address; the address is there in words to type.</summary>
    private async Task AssertTheWayToTheFormAsync(IPage page)
    {
        var words = FormAddress.AbsoluteUri;
        await Assertions.Expect(page.Locator("svg.qr")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.qr")).ToHaveAttributeAsync("aria-label", $"QR code for the form at {words}");
        Assert.Equal(words, await QrCodes.ReadAsync(page.Locator("svg.qr")));
        await Assertions.Expect(page.Locator(".form-address")).ToHaveTextAsync(words);
    }

    /// <summary>A page object in the PDF ("/Type /Page"), not the page tree ("/Type /Pages").</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[\d.]+)\s+(?<h>[\d.]+)\s*\]")]
    private static partial Regex MediaBox();

    /// <summary>A host whose day starts with nothing published.</summary>
    public sealed class EmptyDay : IAsyncLifetime
    {
        public SolidayHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await SolidayHost.StartAsync();

        public async Task DisposeAsync() => await Host.DisposeAsync();

        /// <summary>Sends a photo with <paramref name="caption"/> and approves it; returns once it is published.</summary>
        public async Task PublishAsync(string caption, string alt)
        {
            var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", caption).With("alt", alt));
            await Host.Curator.WaitForQueueAsync(id);
            using (await Host.Curator.ApproveAsync(id))
            {
            }

            await Host.Http.WaitForStatusAsync(id, "published");
        }
    }
}
