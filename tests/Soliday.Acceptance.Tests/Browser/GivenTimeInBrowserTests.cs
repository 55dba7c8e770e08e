using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>"When was this?" on the form, as residents use it: real Chromium, keyboard only, checked with axe-core.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class GivenTimeInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private string BaseAddress => shared.Host.Http.BaseAddress!.ToString();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_resident_gives_the_time_of_a_written_post_with_the_keyboard_alone(bool javaScript)
    {
        if (javaScript)
        {
            // axe needs a script: it checks the page with ours; the page without ours is checked by FormInBrowserTests.
            var checkedPage = await browser.NewPageAsync(BaseAddress, width: 390);
            await checkedPage.GotoAsync("/api/submit");
            await Assertions.Expect(checkedPage.GetByLabel("When was this? (optional)")).ToHaveAttributeAsync("type", "time");
            await Assertions.Expect(checkedPage.Locator("#moment-hint")).ToHaveTextAsync("If your photo doesn't know its time, or you're writing about earlier today.");
            await checkedPage.AssertAccessibleAsync();
        }

        var page = await browser.NewPageAsync(BaseAddress, width: 390, javaScript: javaScript);
        await page.GotoAsync("/api/submit");
        await page.TabToAsync("caption");
        await page.Keyboard.TypeAsync("Frost on the allotments at Olton");
        await page.TabToAsync("moment");
        // The hours, the minutes, then "A" for the morning where the browser shows a 12-hour clock (a 24-hour one ignores it).
        await page.Keyboard.TypeAsync("0715A");
        await Assertions.Expect(page.Locator("#moment")).ToHaveValueAsync("07:15");
        await page.TabToAsync("consent");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(new Regex("/api/submissions/([0-9a-f]{32})"), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry");
        var sent = Regex.Match(page.Url, "/api/submissions/([0-9a-f]{32})\\?key=([^&]+)"); // the sender's own status page
        var status = await shared.Host.Http.StatusAsync(sent.Groups[1].Value, Uri.UnescapeDataString(sent.Groups[2].Value));
        Assert.Equal("2008-10-22T07:15:00+01:00", status["momentAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz"));
    }
}
