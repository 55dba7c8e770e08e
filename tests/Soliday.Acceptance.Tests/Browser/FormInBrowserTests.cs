using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>The form as residents use it: real Chromium, keyboard only, checked with axe-core.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class FormInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private string BaseAddress => shared.Host.Http.BaseAddress!.ToString();

    [Fact]
    public async Task A_resident_sends_a_photo_with_the_keyboard_alone_and_reaches_the_status_page()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/api/submit");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("form");

        await page.TabToAsync("photo");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        await chooser.SetFilesAsync(Corpus.File("real-exif", "EX__jpg_mobile_jolla.jpg"));
        var preview = page.Locator("#photo-preview img"); // the script's preview, from a blob: URL
        await Assertions.Expect(preview).ToBeVisibleAsync();
        Assert.True(await preview.LoadedImageWidthAsync() > 0, "the preview of the chosen photo did not load (is blob: allowed in img-src?)");

        await page.TabToAsync("caption");
        await page.Keyboard.TypeAsync("Harvest festival at St Alphege church");
        await page.TabToAsync("alt");
        await page.Keyboard.TypeAsync("Baskets of vegetables on the church steps");
        await page.TabToAsync("credit");
        await page.Keyboard.TypeAsync("Margaret");
        await page.TabToAsync("consent");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter"); // sends the form, as Enter in any field does

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("entry");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "remove my entry" })).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("status");
    }

    [Fact]
    public async Task Errors_are_announced_the_first_is_focused_and_what_was_typed_is_kept()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/api/submit");
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator("#photo").FocusAsync().ContinueWith(_ => page.Keyboard.PressAsync("Space")).Unwrap());
        await chooser.SetFilesAsync(Corpus.File("real-exif", "EX__jpg_Canon_40D.jpg"));
        await page.TabToAsync("caption");
        await page.Keyboard.TypeAsync("Rain on the Hub windows");
        await page.TabToAsync("credit");
        await page.Keyboard.TypeAsync("Dev");
        await page.Keyboard.PressAsync("Enter"); // no description of the photo, no consent

        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error:"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please describe the photo");
        Assert.Equal("alt", await page.FocusedIdAsync()); // the first field in error
        Assert.Contains("alt-error", await page.Locator("#alt").GetAttributeAsync("aria-describedby") ?? "");
        Assert.Equal("true", await page.Locator("#consent").GetAttributeAsync("aria-invalid"));
        await Assertions.Expect(page.Locator("#caption")).ToHaveValueAsync("Rain on the Hub windows");
        await Assertions.Expect(page.Locator("#credit")).ToHaveValueAsync("Dev");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("form-errors");
    }

    [Fact]
    public async Task A_photo_too_large_is_refused_before_anything_is_sent()
    {
        var tooLarge = Path.Combine(Path.GetTempPath(), "soliday-too-large.jpg");
        await File.WriteAllBytesAsync(tooLarge, new byte[26 * 1024 * 1024]);
        var page = await browser.NewPageAsync(BaseAddress);
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync("/api/submit");

        await page.Locator("#photo").SetInputFilesAsync(tooLarge);
        await page.Locator("form.submission button").ClickAsync();

        await Assertions.Expect(page.Locator("#photo-size-error")).ToContainTextAsync("too large");
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task Upload_progress_is_shown_on_a_slow_connection()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false, ["latency"] = 100, ["downloadThroughput"] = 500_000, ["uploadThroughput"] = 200_000, // a weak 3G signal
        });
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(Corpus.File("real-exif", "DN__jpg_Blackberry_Z10.jpg")); // 1.4 MB
        await page.Locator("#alt").FillAsync("A canal lock with a narrowboat");
        await page.Locator("#consent").CheckAsync();

        await page.Locator("form.submission button").ClickAsync();

        await Assertions.Expect(page.Locator(".upload")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => { const p = document.getElementById('upload-progress'); return p && p.value > 0 && p.value < 100; }");
        await Assertions.Expect(page.Locator("form.submission button")).ToBeDisabledAsync();
        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"), new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task The_form_works_with_JavaScript_off()
    {
        var page = await browser.NewPageAsync(BaseAddress, javaScript: false);
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(Corpus.File("real-exif", "EX__jpg_Canon_40D.jpg"));
        await page.Locator("#alt").FillAsync("A close-up of a flower");
        await page.Locator("#consent").CheckAsync();

        await page.Locator("form.submission button").ClickAsync();

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry");
    }
}
