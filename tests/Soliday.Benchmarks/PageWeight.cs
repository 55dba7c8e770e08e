using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soliday.Pages;
using Soliday.Testing;
using Soliday.Timeline;

namespace Soliday.Benchmarks;

/// <summary>
/// What a page costs a resident on a weak signal before they send anything: the HTML and every
/// stylesheet and script it loads, as served, and as gzip would send them.
/// </summary>
public static partial class PageWeight
{
    public static async Task RunAsync()
    {
        await using var host = await SolidayHost.StartAsync();
        PrintHeader();
        await ReportAsync(host.Http, "form (GET /api/submit)", "/api/submit");
        await ReportAsync(host.Http, "wall, no entries yet", $"/site/{SitePaths.WallPage}");
        await ReportAsync(host.Http, "poster", $"/site/{SitePaths.PosterPage}");
        await ReportFullWallAsync(host.Http);
    }

    /// <summary>
    /// The wall at its largest: it holds at most <see cref="WallView.Shown"/> entries whatever the day's
    /// size, here each with the longest caption it shows, a long credit and description. Rendered as
    /// the site writer renders it, beside the stylesheet and script the host serves.
    /// </summary>
    private static async Task ReportFullWallAsync(HttpClient http)
    {
        var entries = Enumerable.Range(0, WallView.Shown).Select(i => new TimelineEntry
        {
            Id = Guid.NewGuid().ToString("N"),
            Text = string.Join(' ', Enumerable.Repeat("Tea and cake at the library café", 12)),
            Credit = "Priya from Shirley, with help from the social media café",
            Licence = "CC-BY-4.0",
            MomentAt = DateTimeOffset.UnixEpoch,
            PlacedAt = DateTimeOffset.UnixEpoch,
            PublishedAt = DateTimeOffset.UnixEpoch.AddMinutes(i),
            Photos = [new TimelinePhoto("Cups and a cake stand on a table by the window of the library café, people talking", 1600, 1200,
                [.. new[] { 320, 480, 960, 1600 }.Select(w => new TimelineImage($"media/{i}/0-{w}.jpg", "jpeg", w, w * 3 / 4))])],
        }).ToList();
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var renderer = new PageRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = System.Text.Encoding.UTF8.GetBytes(await renderer.RenderAsync<WallPage, WallView>(
            new WallView(new DateOnly(2026, 6, 20), entries, new SiteOptions { PublicUrl = "https://soliday.example/site/" })));
        var css = await http.GetByteArrayAsync("/site/wall.css");
        var js = await http.GetByteArrayAsync("/site/wall.js");
        Console.WriteLine($"| wall, {WallView.Shown} entries (its most) | {Kb(html.Length)} | {Kb(css.Length)} | {Kb(js.Length)} | **{Kb(html.Length + css.Length + js.Length)}** | {Kb(Gzipped(html) + Gzipped(css) + Gzipped(js))} |");
    }

    public static void PrintHeader()
    {
        Console.WriteLine("| page | HTML | CSS | JS | total | total gzipped |");
        Console.WriteLine("|---|---|---|---|---|---|");
    }

    public static async Task ReportAsync(HttpClient http, string name, string path)
    {
        var html = await http.GetByteArrayAsync(path);
        var text = System.Text.Encoding.UTF8.GetString(html);
        var page = new Uri(http.BaseAddress!, path);
        var css = await SumAsync(http, page, StylesheetLink().Matches(text));
        var js = await SumAsync(http, page, ScriptSource().Matches(text));
        var all = html.Concat(css.Bytes).Concat(js.Bytes).ToArray();
        Console.WriteLine($"| {name} | {Kb(html.Length)} | {Kb(css.Bytes.Length)} | {Kb(js.Bytes.Length)} | **{Kb(all.Length)}** | {Kb(Gzipped(html) + Gzipped(css.Bytes) + Gzipped(js.Bytes))} |");
    }

    /// <summary>Each linked file once, its address taken relative to the page, as a browser does.</summary>
    private static async Task<(byte[] Bytes, int Files)> SumAsync(HttpClient http, Uri page, MatchCollection links)
    {
        var bytes = new List<byte>();
        foreach (Match link in links)
        {
            bytes.AddRange(await http.GetByteArrayAsync(new Uri(page, link.Groups[1].Value)));
        }

        return (bytes.ToArray(), links.Count);
    }

    public static int Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return (int)output.Length;
    }

    private static string Kb(int bytes) => $"{bytes / 1024.0:F1} KB";

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex StylesheetLink();

    [GeneratedRegex("<script src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
