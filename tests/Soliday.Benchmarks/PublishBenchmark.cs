using System.Diagnostics;
using Soliday.Local.Azurite;
using Soliday.Timeline;

namespace Soliday.Benchmarks;

/// <summary>
/// How long publishing one approved entry takes (what the PublishEntry activity runs, in this process, on a
/// fresh Azurite) with 100, 1,000 and 10,000 entries already published. Each size gets its own
/// Azurite, seeded through the app's own classes (<see cref="SiteSeeding"/>); then entries are
/// published one after another into the busiest hour, the worst case, and each is timed.
/// </summary>
public static class PublishBenchmark
{
    private const string PublicUrl = "http://127.0.0.1:7071/site/";

    public static async Task RunAsync(int timed, IReadOnlyList<int> sizes)
    {
        var rows = new List<string>();
        foreach (var size in sizes)
        {
            rows.Add(await MeasureAsync(size, timed));
        }

        Console.WriteLine();
        Console.WriteLine($"| entries already published | in the busiest hour ({SiteSeeding.BusiestHour:00}:00) | seeding | publishes timed | median | 95th percentile | slowest |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
    }

    private static async Task<string> MeasureAsync(int size, int timed)
    {
        var data = Path.Combine(Path.GetTempPath(), "soliday-bench", Guid.NewGuid().ToString("N"));
        await using var azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { Location = data, BlobPort = 0, QueuePort = 0, TablePort = 0 }, data, _ => { }, CancellationToken.None);
        var requests = new BlobRequestLog();
        await using var seeding = await SiteSeeding.StartAsync(azurite.ConnectionString, PublicUrl, requests);

        var clock = Stopwatch.StartNew();
        var mediaSets = await seeding.UploadMediaAsync(SiteSeeding.MediaPhotoCount);
        var media = mediaSets[0];
        var entries = SiteSeeding.Entries(size, mediaSets);
        await seeding.SeedAsync(entries, entryPagesOfHour: SiteSeeding.BusiestHour);
        var seeded = clock.Elapsed;
        var inHour = entries.Count(e => TimeZoneInfo.ConvertTime(e.PlacedAt, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour == SiteSeeding.BusiestHour);
        Console.WriteLine($"{size:N0} entries seeded in {seeded.TotalSeconds:F1} s ({inHour:N0} in {SiteSeeding.BusiestHour:00}:00)");

        var publisher = seeding.Get<TimelinePublisher>();
        var times = new List<double>();
        var made = new List<BlobRequestLog.BlobRequest>();
        for (var i = 0; i <= timed; i++)
        {
            var entry = await seeding.AddWaitingEntryAsync(SiteSeeding.BusiestHour, (i * 7) % 60, media, $"Timed publish {i}: runners at the parkrun in Brueton Park #parkrun");
            requests.Start();
            clock.Restart();
            await publisher.PublishAsync(entry.Id, DateTimeOffset.UtcNow, decision: null);
            var elapsed = clock.Elapsed.TotalMilliseconds;
            var these = requests.Stop();
            if (i > 0) // the first warms up the JIT and the connections: not counted
            {
                times.Add(elapsed);
                made.AddRange(these);
            }
        }

        PrintRequests(made, timed);

        times.Sort();
        Console.WriteLine($"  publish: median {Percentile(times, 0.5):F0} ms, 95th percentile {Percentile(times, 0.95):F0} ms");
        return $"| {size:N0} | {inHour:N0} | {seeded.TotalSeconds:F0} s | {timed} | **{Percentile(times, 0.5):F0} ms** | {Percentile(times, 0.95):F0} ms | {times.Max():F0} ms |";
    }

    /// <summary>Per publish, by kind: how many requests, their median and slowest time, and the bytes they moved.</summary>
    private static void PrintRequests(IReadOnlyList<BlobRequestLog.BlobRequest> made, int publishes)
    {
        Console.WriteLine($"  blob requests per publish: {made.Count / (double)publishes:F1}, sent {made.Sum(r => r.BytesSent) / 1024.0 / publishes:F0} KB, received {made.Sum(r => r.BytesReceived) / 1024.0 / publishes:F0} KB");
        Console.WriteLine("  | request | per publish | median | slowest | KB sent per publish | KB received per publish |");
        Console.WriteLine("  |---|---|---|---|---|---|");
        foreach (var kind in made.GroupBy(r => r.Kind).OrderByDescending(g => g.Sum(r => r.Milliseconds)))
        {
            var ms = kind.Select(r => r.Milliseconds).Order().ToList();
            Console.WriteLine($"  | {kind.Key} | {kind.Count() / (double)publishes:F1} | {Percentile(ms, 0.5):F0} ms | {ms.Max():F0} ms | {kind.Sum(r => r.BytesSent) / 1024.0 / publishes:F1} | {kind.Sum(r => r.BytesReceived) / 1024.0 / publishes:F1} |");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
