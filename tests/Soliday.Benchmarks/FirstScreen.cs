using Microsoft.Playwright;

namespace Soliday.Benchmarks;

/// <summary>
/// What a first screen costs: the page opened in Debian's Chromium at a phone's size (390 × 844)
/// and a laptop's (1280 × 800), every HTML, CSS and JS response counted as served, and every image
/// the browser loaded for that screen (lazy ones below it are not loaded), counted once per image
/// on the page: the seeded entries share a handful of photos, where a real day's are all different,
/// so an image the browser took from its cache is counted again at its size.
/// </summary>
public static class FirstScreen
{
    public static async Task ReportAsync(Uri baseAddress, IReadOnlyList<(string Name, string Path)> pages)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

        Console.WriteLine("| first screen | viewport | HTML + CSS + JS | images on it | their bytes | total | images loaded by the load event, anywhere on the page (lazy ones near the screen too) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, path) in pages)
        {
            foreach (var (width, height) in new[] { (390, 844), (1280, 800) })
            {
                var (text, images, imageBytes, allImages, allBytes) = await MeasureAsync(browser, new Uri(baseAddress, path), width, height);
                Console.WriteLine($"| {name} | {width} × {height} | {Kb(text)} | {images} | {Kb(imageBytes)} | **{Kb(text + imageBytes)}** | {allImages}, {Kb(allBytes)} |");
            }
        }
    }

    private static async Task<(long Text, int Images, long ImageBytes, int AllImages, long AllImageBytes)> MeasureAsync(IBrowser browser, Uri url, int width, int height)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var sizes = new Dictionary<string, (string Type, long Bytes)>();
        page.RequestFinished += async (_, request) =>
        {
            var bytes = (await request.SizesAsync()).ResponseBodySize;
            lock (sizes)
            {
                sizes[request.Url] = (request.ResourceType, bytes);
            }
        };

        await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        var onScreen = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0 && i.getBoundingClientRect().top < innerHeight).map(i => i.currentSrc)");
        var anywhere = await page.EvaluateAsync<string[]>("() => [...document.images].filter(i => i.complete && i.naturalWidth > 0).map(i => i.currentSrc)");
        lock (sizes)
        {
            var text = sizes.Values.Where(s => s.Type is "document" or "stylesheet" or "script").Sum(s => s.Bytes);
            long Bytes(string[] sources) => sources.Sum(src => sizes.TryGetValue(src, out var s) ? s.Bytes : 0);
            return (text, onScreen.Length, Bytes(onScreen), anywhere.Length, Bytes(anywhere));
        }
    }

    private static string Kb(long bytes) => $"{bytes / 1024.0:F1} KB";
}
