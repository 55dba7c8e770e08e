using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>An iPhone photo chosen on a computer, where the system may know no picture type for a HEIC file.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class HeicInBrowserTests(SharedHost shared, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A post's answer, on a shared host other tests keep busy decoding photos: seconds, not Playwright's default five.</summary>
    private const float SentFormTimeout = 30_000;

    private string BaseAddress => shared.Host.Http.BaseAddress!.ToString();

    [Fact]
    public async Task A_HEIC_photo_the_system_calls_plain_data_is_taken_by_its_ending_and_sent()
    {
        var page = await browser.NewPageAsync(BaseAddress);
        await page.GotoAsync("/api/submit");
        Assert.Contains(".heic", await page.Locator("#photo").GetAttributeAsync("accept") ?? "");

        // The form's script empties the picker once it has taken the files: the type is noted first.
        await page.Locator("#photo").EvaluateAsync("picker => picker.addEventListener('change', () => window.chosenType = picker.files[0].type, true)");

        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "IMG_0001.HEIC", MimeType = "application/octet-stream", Buffer = HeifFiles.Original() });

        Assert.Equal("application/octet-stream", await page.EvaluateAsync<string>("() => window.chosenType"));
        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".chosen-photo:visible")).ToContainTextAsync("IMG_0001.HEIC");
        await Assertions.Expect(page.Locator("#photo-error")).ToBeHiddenAsync();
        await page.Locator("#alt").FillAsync("Rows of runner beans on the Hampton Lane allotments");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.submission button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/api/submissions/[0-9a-f]{32}"), new() { Timeout = SentFormTimeout });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry");
        await page.AssertAccessibleAsync();
    }
}
