using System.IO.Compression;
using System.Text.RegularExpressions;
using Soliday.Testing;

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
