using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Soliday.Testing;
using Soliday.Timeline;

namespace Soliday.Benchmarks;

/// <summary>
/// The public site with a busy day on it: Soliday.Local started as a process, <paramref name="entries"/>
/// entries seeded into its storage through the app's own classes, then the transfer size of the day
/// page (HTML, CSS and JS as served, and gzipped) and of an hour, entry and tag page; and, given
/// Lighthouse's command line, its performance and accessibility scores and layout shift for the day
/// page, the busiest hour's first page, an entry page and the wall.
/// </summary>
public static class DayPageWeight
{
    public static async Task RunAsync(int entries, string? lighthouse)
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Soliday__Day"] = SiteSeeding.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var publicUrl = $"http://127.0.0.1:{host.HttpPort}/site/";
        IReadOnlyList<TimelineEntry> seeded;
        await using (var seeding = await SiteSeeding.StartAsync(host.StorageConnectionString, publicUrl))
        {
            var media = await seeding.UploadMediaAsync(SiteSeeding.MediaPhotoCount);
            seeded = SiteSeeding.Entries(entries, media);
            await seeding.SeedAsync(seeded, entryPagesOfHour: SiteSeeding.BusiestHour);
        }

        var sample = seeded.First(e => TimeZoneInfo.ConvertTime(e.PlacedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour == SiteSeeding.BusiestHour);
        Console.WriteLine($"{entries:N0} entries on the day; the busiest hour is {SiteSeeding.BusiestHour:00}:00.");
        PageWeight.PrintHeader();
        await PageWeight.ReportAsync(host.Http, $"day page, {entries:N0} entries", $"/site/{SitePaths.DayPage}");
        var busiest = seeded.Count(e => TimeZoneInfo.ConvertTime(e.PlacedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour == SiteSeeding.BusiestHour);
        await PageWeight.ReportAsync(host.Http, $"busiest hour's first page ({SiteSeeding.BusiestHour:00}:00, {busiest:N0} entries in {HourPaging.PageCount(busiest)} pages)", $"/site/{SitePaths.HourPage(SiteSeeding.BusiestHour)}");
        await PageWeight.ReportAsync(host.Http, "an entry page", $"/site/{SitePaths.EntryPage(sample.Id)}");
        await PageWeight.ReportAsync(host.Http, $"tag page {PublicTags.Label(sample.Tags[0])}", $"/site/{SitePaths.TagPage(PublicTags.Slug(sample.Tags[0]))}");

        await PageWeight.ReportAsync(host.Http, "search page", $"/site/{SitePaths.SearchPage}");
        await PageWeight.ReportAsync(host.Http, "the day in numbers", $"/site/{SitePaths.NumbersPage}");
        await PageWeight.ReportAsync(host.Http, "reuse the archive", $"/site/{SitePaths.ReusePage}");
        var numbers = await host.Http.GetByteArrayAsync($"/site/{SitePaths.NumbersPage}");
        Console.WriteLine($"(numbers.json, what a publish reads and writes for the numbers page: {await NumbersBlobBytesAsync(host.StorageConnectionString)} bytes; numbers.html {numbers.Length} bytes)");
        await SearchFilesAsync(host.Http);

        Console.WriteLine();
        await FirstScreen.ReportAsync(host.Http.BaseAddress!, [("day page", $"/site/{SitePaths.DayPage}"), ("busiest hour's first page", $"/site/{SitePaths.HourPage(SiteSeeding.BusiestHour)}")]);

        if (lighthouse is not null)
        {
            Console.WriteLine();
            Console.WriteLine("| Lighthouse 12 | preset | performance | accessibility | cumulative layout shift |");
            Console.WriteLine("|---|---|---|---|---|");
            var pages = new (string Name, string Path)[]
            {
                ("day page", SitePaths.DayPage),
                ("busiest hour's first page", SitePaths.HourPage(SiteSeeding.BusiestHour)),
                ("an entry page", SitePaths.EntryPage(sample.Id)),
                ("the wall", SitePaths.WallPage),
            };
            foreach (var (name, path) in pages)
            {
                foreach (var preset in new[] { "mobile (default)", "desktop" })
                {
                    var scores = await LighthouseAsync(lighthouse, publicUrl + path, desktop: preset == "desktop");
                    Console.WriteLine($"| {name} | {preset} | {scores.Performance} | {scores.Accessibility} | {scores.LayoutShift:F3} |");
                }
            }
        }
    }

    private static async Task<long> NumbersBlobBytesAsync(string connectionString) =>
        (await new Azure.Storage.Blobs.BlobServiceClient(connectionString).GetBlobContainerClient(Soliday.Storage.StorageLayout.Timeline)
            .GetBlobClient(Soliday.Storage.StorageLayout.DayNumbers(SiteSeeding.Day)).GetPropertiesAsync()).Value.ContentLength;

    /// <summary>
    /// What the search page fetches on its first search: all 24 hour files, as served (stored
    /// gzipped, so what crosses the wire) and unzipped, and the largest (what one publish into that hour rewrites).
    /// </summary>
    private static async Task SearchFilesAsync(HttpClient http)
    {
        var sizes = new List<(int Hour, long Served, long Plain)>();
        for (var hour = 0; hour < 24; hour++)
        {
            using var response = await http.GetAsync($"/site/{SitePaths.SearchIndex(hour)}");
            var served = await response.Content.ReadAsByteArrayAsync();
            var plain = response.Content.Headers.ContentEncoding.Contains("gzip") ? Unzipped(served) : served;
            sizes.Add((hour, served.Length, plain.Length));
        }

        var largest = sizes.MaxBy(s => s.Plain);
        Console.WriteLine();
        Console.WriteLine("| search files | as served | unzipped |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| all 24 (`search/00.json` … `23.json`) | **{sizes.Sum(s => s.Served) / 1024.0:F1} KB** | {sizes.Sum(s => s.Plain) / 1024.0:F1} KB |");
        Console.WriteLine($"| the largest, `search/{largest.Hour:00}.json` | {largest.Served / 1024.0:F1} KB | {largest.Plain / 1024.0:F1} KB |");
    }

    private static byte[] Unzipped(byte[] gzipped)
    {
        using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(gzipped), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    /// <summary>Lighthouse's own command line on Debian's chromium, headless; its JSON report read for the two scores.</summary>
    private static async Task<(int Performance, int Accessibility, double LayoutShift)> LighthouseAsync(string cli, string url, bool desktop)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                cli, url, "--only-categories=performance,accessibility", "--output=json", "--output-path=stdout", "--quiet",
                "--chrome-flags=--headless --no-sandbox --disable-gpu",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["CHROME_PATH"] = "/usr/bin/chromium" },
        };
        if (desktop)
        {
            start.ArgumentList.Add("--preset=desktop");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Lighthouse failed ({process.ExitCode}): {await errors}");
        }

        var report = JsonNode.Parse(await output)!;
        var categories = report["categories"]!;
        int Score(string name) => (int)Math.Round(categories[name]!["score"]!.GetValue<double>() * 100);
        return (Score("performance"), Score("accessibility"), report["audits"]!["cumulative-layout-shift"]!["numericValue"]!.GetValue<double>());
    }
}
