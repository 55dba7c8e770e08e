using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>The pages around an entry, in real Chromium: its sender's take-down. The public site has its own tests (PublicSiteInBrowserTests).</summary>
[Collection(SharedHostCollection.Name)]
public sealed class SitePagesInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private string BaseAddress => shared.Host.Http.BaseAddress!.ToString();

    [Fact]
    public async Task The_sender_removes_their_entry_from_the_status_page_by_keyboard()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/api/submit");
        var licences = page.Locator("fieldset:has(input[name=licence])");
        await Assertions.Expect(licences.GetByLabel("Anyone may reuse it if they name you (recommended)")).ToBeCheckedAsync();
        await Assertions.Expect(licences).Not.ToContainTextAsync("CC"); // a choice in words; its short name is the reuse page's
        await page.Locator("#photo").SetInputFilesAsync(Corpus.File("real-exif", "EX__jpg_Canon_40D.jpg"));
        await page.Locator("#alt").FillAsync("A red flower");
        await page.Locator("#consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my entry" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"));

        await page.GetByRole(AriaRole.Link, new() { Name = "remove my entry" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Remove your entry");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("takedown-confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove my entry" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        // Answered at once, in plain words; the erasure itself follows from the queue.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry is being removed");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("within 10 minutes");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Check that it has gone" }).ClickAsync();
        await SolidayApi.EventuallyAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.GetByRole(AriaRole.Status).TextContentAsync() == "Your entry has been removed, as you asked.";
        }, "the status page says the entry has gone");
        await page.AssertAccessibleAsync();
    }
}
