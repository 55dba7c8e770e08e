using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>What every page must pass in the browser, and the screenshots kept for people to look at.</summary>
public static class PageChecks
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Far longer than axe takes on any page here, even on a loaded machine.</summary>
    private static readonly TimeSpan AxeAtMost = TimeSpan.FromMinutes(2);

    /// <summary>axe-core, WCAG 2.2 A and AA rules: no violation at all.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        // axe runs as a script of its own: on a page opened with scripts turned off it waits for ever.
        var axe = page.RunAxe(WcagAA);
        if (await Task.WhenAny(axe, Task.Delay(AxeAtMost)) != axe)
        {
            Assert.Fail($"axe did not finish on {page.Url} within {AxeAtMost.TotalSeconds:F0} s: was the page opened with scripts turned off? Check it with ours kept out instead (RouteAsync and AbortAsync).");
        }

        var result = await axe;
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.True(result.Violations.Length == 0, $"axe found on {page.Url}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Full-page screenshots at a phone's and a laptop's width (or the widths given), kept in artifacts/screenshots.</summary>
    public static async Task ScreenshotAsync(this IPage page, string name, params int[] widths)
    {
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var original = page.ViewportSize!;
        foreach (var width in widths is { Length: > 0 } ? widths : [375, 1280])
        {
            await page.SetViewportSizeAsync(width, original.Height);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }

        await page.SetViewportSizeAsync(original.Width, original.Height);
    }

    /// <summary>Tabs through the page until the element with <paramref name="id"/> has the focus: the keyboard alone.</summary>
    public static async Task TabToAsync(this IPage page, string id)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            // Asked through a selector, not a script: it works on a page with JavaScript off too.
            if (await page.Locator($"#{id}:focus").CountAsync() == 1)
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"#{id} cannot be reached with the Tab key");
    }

    public static Task<string> FocusedIdAsync(this IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id");

    /// <summary>
    /// The decoded width of an image once it has loaded or failed: 0 when the browser refused it (a
    /// Content-Security-Policy block still leaves a visible, empty img element).
    /// </summary>
    public static Task<int> LoadedImageWidthAsync(this ILocator image) =>
        image.EvaluateAsync<int>("""
            img => img.complete
                ? img.naturalWidth
                : new Promise(settled => {
                    img.addEventListener("load", () => settled(img.naturalWidth));
                    img.addEventListener("error", () => settled(0));
                })
            """);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Soliday.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
