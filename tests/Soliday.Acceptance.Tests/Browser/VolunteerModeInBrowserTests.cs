using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Browser;

/// <summary>
/// Volunteer mode at a café, in real Chromium: a volunteer starts it with their code, the resident reads
/// the words for them and ticks the box, and the volunteer prints the slip the resident keeps: two QR
/// codes that read back as the status and take-down links, on one printed page.
/// </summary>
public sealed partial class VolunteerModeInBrowserTests(VolunteerModeInBrowserTests.CafeHost cafe, BrowserFixture browser)
    : IClassFixture<VolunteerModeInBrowserTests.CafeHost>, IClassFixture<BrowserFixture>
{
    private const string Code = "priya-helps-at-the-knowle-cafe";

    [Fact]
    public async Task A_volunteer_helps_a_resident_send_and_prints_the_slip_with_two_codes_on_one_page()
    {
        var baseAddress = cafe.Host.Http.BaseAddress!.ToString();
        var page = await browser.NewPageAsync(baseAddress, width: 390);
        await page.GotoAsync("/api/submit");

        // From the ordinary form, by keyboard, into volunteer mode with the code.
        await page.GetByRole(AriaRole.Link, new() { Name = "Helping someone else send their entry?" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Helping someone take part");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("volunteer-start", 390, 1280);
        await page.Locator("#code").FillAsync(Code);
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Share your day");
        await Assertions.Expect(page.Locator(".helper-notice")).ToContainTextAsync("Helping: Priya Shah.");
        await Assertions.Expect(page.Locator(".resident-consent")).ToContainTextAsync("Read this with the person you are helping.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("volunteer-form", 390, 1280);

        // The resident's few words and their own "yes".
        await page.Locator("#caption").FillAsync("Dominoes with my friends at the Knowle café");
        await page.Locator("#credit").FillAsync("Mr Evans");
        await page.Locator("#consent").CheckAsync();
        await page.Locator("#resident-consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my entry" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your entry", new() { Timeout = 30_000 }); // stored, and its workflow started, on a busy machine
        var statusAddress = page.Url;
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Print a slip to keep" }).ClickAsync();

        // The slip: two codes, each reading back (by another library) as its link, the links in words too.
        await page.WaitForURLAsync(new Regex("/slip\\?key="));
        await page.WaitForFunctionAsync("() => [...document.styleSheets].some(s => s.href && s.href.endsWith('/slip.css'))"); // decoded as laid out, not before
        var codes = page.Locator("svg.qr");
        await Assertions.Expect(codes).ToHaveCountAsync(2);
        var status = await QrCodes.ReadAsync(codes.Nth(0));
        var takedown = await QrCodes.ReadAsync(codes.Nth(1));
        Assert.Equal(statusAddress, status);
        Assert.Equal(statusAddress.Replace("?key=", "/takedown?key=", StringComparison.Ordinal), takedown);
        await Assertions.Expect(page.Locator("#slip-status .slip-address")).ToHaveTextAsync(status!);
        await Assertions.Expect(page.Locator("#slip-takedown .slip-address")).ToHaveTextAsync(takedown!);
        await Assertions.Expect(page.Locator(".slip-lead")).ToHaveTextAsync("Keep this slip. Scan the first code to see your entry. Scan the second to remove it at any time.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync("receipt-slip", 390, 1280);

        // Printed: only the slip, on one page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".on-screen")).ToBeHiddenAsync();
        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true }));
        Assert.Equal(1, PdfPage().Count(pdf));

        // The take-down code leads to the resident's own take-down page.
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync(takedown!);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Remove your entry");
    }

    /// <summary>A page object in the PDF ("/Type /Page"), not the page tree ("/Type /Pages").</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();

    /// <summary>A host with one volunteer's helper code, as a café's deployment has.</summary>
    public sealed class CafeHost : IAsyncLifetime
    {
        public SolidayHost Host { get; private set; } = null!;

        public async Task InitializeAsync() => Host = await SolidayHost.StartAsync(new()
        {
            ["Submissions__HelperCodes__0__Name"] = "Priya Shah",
            ["Submissions__HelperCodes__0__Code"] = Code,
        });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
