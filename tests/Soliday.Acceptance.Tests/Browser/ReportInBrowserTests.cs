using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// Someone in a photo, in real Chromium with the keyboard alone: from the entry's page to the report
/// form, a mistake shown beside its field, the report sent; then a curator reads it and takes the
/// entry off. Every page passes axe.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class ReportInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task Someone_in_a_photo_reports_it_by_keyboard_and_a_curator_removes_the_entry()
    {
        var id = await Host.PublishEntryAsync("Queue for the ice cream van in Malvern Park");
        var page = await browser.NewPageAsync(Host.Http.BaseAddress!.ToString());
        await page.GotoAsync($"/site/entries/{id}.html");

        await page.GetByRole(AriaRole.Link, new() { Name = "Report a problem with this entry" }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"/api/report/{id}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Report a problem with this entry");
        await Assertions.Expect(page.Locator(".reported-entry .text")).ToHaveTextAsync("Queue for the ice cream van in Malvern Park");
        Assert.True(await page.Locator(".report-thumbnail").LoadedImageWidthAsync() > 0, "the entry's photo did not load on the report form");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("report-form", 390, 1280);
        await AssertPlainWordsAsync(page, "the report form");

        // A slip first: no reason chosen, and an address that cannot be one.
        await page.TabToAsync("email");
        await page.Keyboard.TypeAsync("not an address");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveTitleAsync("Error: Report a problem with an entry");
        await Assertions.Expect(page.Locator("#reason-error")).ToContainTextAsync("Please choose what the problem is.");
        await Assertions.Expect(page.Locator("#email-error")).ToContainTextAsync("Please check the email address");
        Assert.Equal("reason-in-photo-without-consent", await page.FocusedIdAsync()); // the first field to fix has the focus
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("report-form-errors", 390, 1280);

        await page.Keyboard.PressAsync("Space");
        await page.TabToAsync("words");
        await page.Keyboard.TypeAsync("I am the person in the red coat, and I did not agree to this.");
        await page.TabToAsync("email");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("red.coat@example.org");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Thank you: your report reached the curators");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You told us: \"I am in this photo and did not agree\".");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("report-thanks", 390, 1280);
        await AssertPlainWordsAsync(page, "the thank-you page");

        // A curator follows the page's link to the reports and takes the entry off.
        await page.GotoAsync("/api/curation/signin");
        await page.Locator("#token").FillAsync(Host.CuratorToken);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Curation");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded); // curation.js is deferred: its poll works from here
        var reportsCount = page.Locator("#count-reports");
        var opened = int.Parse(await reportsCount.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(opened >= 1, "the report just sent is counted");

        // Another report while the page is open: the count beside "Reports" keeps up at the next poll (here: the tab coming back into view).
        using var another = await Host.ReportAsync(id, "private", "Also, my front door is in it");
        await SolidayApi.EventuallyAsync(async () =>
        {
            await page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");
            await Task.Delay(200);
            return int.Parse(await reportsCount.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > opened;
        }, "the page counts the new report");
        await page.Locator("p.open-reports a").ClickAsync();
        var card = page.Locator("li.report-card", new() { HasText = "the red coat" });
        await Assertions.Expect(card.Locator("h2")).ToHaveTextAsync("Urgent: I am in this photo and did not agree");
        await Assertions.Expect(card.Locator("a[href='mailto:red.coat@example.org']")).ToBeVisibleAsync();
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Queue for the ice cream van in Malvern Park" })).ToHaveAttributeAsync("href", new Regex($"/site/entries/{id}\\.html$"));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("curation-reports", 390, 1280);
        await card.GetByRole(AriaRole.Button, new() { Name = "Remove the entry for good" }).PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Reported problems"); // back where the curator was
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The entry was removed for good, with every report about it.");
        await Host.Http.WaitForStatusAsync(id, "removed");
        Assert.False(await Host.Http.SiteHasAsync($"entries/{id}.html"));
        await Assertions.Expect(page.Locator("li.report-card", new() { HasText = "the red coat" })).ToHaveCountAsync(0);
    }

    /// <summary>The reading age the pages residents read are held to (see ReadingAgeInBrowserTests): someone upset should not have to read twice.</summary>
    private static async Task AssertPlainWordsAsync(IPage page, string name)
    {
        var age = ReadingAge.Of(await page.Locator("main").InnerTextAsync());
        Assert.True(age.Words >= 40, $"{name}: only {age.Words} words read");
        Assert.True(age.Years <= 12, $"{name} needs a reading age of {age.Years:F1}");
    }
}
