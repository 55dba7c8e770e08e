using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>The pages around an entry, in real Chromium: take-down, the timeline, the terms.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class SitePagesInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private string BaseAddress => shared.Host.Http.BaseAddress!.ToString();

    [Fact]
    public async Task The_sender_removes_their_entry_from_the_status_page_by_keyboard()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/api/submit");
        await page.Locator("#photo").SetInputFilesAsync(Corpus.File("real-exif", "EX__jpg_Canon_40D.jpg"));
        await page.Locator("#alt").FillAsync("A red flower");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.submission button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"));

        await page.GetByRole(AriaRole.Link, new() { Name = "remove my entry" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Remove your entry");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("takedown-confirm");

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove my entry" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry has been removed");
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_timeline_and_the_terms_are_accessible()
    {
        var id = await shared.Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Evening light on the canal"));
        await shared.Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        using var approval = await shared.Host.Curator.ApproveAsync(id);
        await shared.Host.Http.WaitForStatusAsync(id, "published");
        var page = await browser.NewPageAsync(BaseAddress);

        await page.GotoAsync("/site/");
        await Assertions.Expect(page.Locator($"#e-{id}")).ToContainTextAsync("Evening light on the canal");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("day");

        await page.GotoAsync("/site/about.html");
        await Assertions.Expect(page.Locator("#terms")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
    }
}
