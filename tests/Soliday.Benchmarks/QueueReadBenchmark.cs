using System.Diagnostics;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// What a curator waits for the queue's first page: <c>GET /api/curation/queue</c>, the curation
/// page itself (<c>GET /api/curation</c>: the page, its counts, chart and filters) and the counts
/// it polls (<c>GET /api/curation/counts</c>), each timed again and again with few entries waiting,
/// then with more, on one host in one run, so the cost of a view can be compared as the queue grows.
/// </summary>
public static class QueueReadBenchmark
{
    private const int Reads = 40;

    private static readonly (string Name, string Url)[] Views =
    [
        ("`GET /api/curation/queue` (first page, 50)", "/api/curation/queue"),
        ("`GET /api/curation` (the page: 50 cards, counts, chart, filters)", "/api/curation"),
        ("`GET /api/curation/counts` (the page's poll)", "/api/curation/counts"),
    ];

    public static async Task RunAsync(IReadOnlyList<int> waitingLevels)
    {
        await using var host = await SolidayHost.StartAsync();
        var rows = new List<string>();
        var waiting = 0;
        foreach (var level in waitingLevels.Order())
        {
            Console.WriteLine($"Filling the queue to {level} waiting...");
            await CurationLatency.SubmitAsync(host, level - waiting);
            waiting = level;

            foreach (var (name, url) in Views)
            {
                using var warmUp = await host.Curator.GetAsync(url);
                warmUp.EnsureSuccessStatusCode();
                var times = new List<double>();
                for (var i = 0; i < Reads; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await host.Curator.GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    await response.Content.ReadAsByteArrayAsync();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                rows.Add($"| {level} | {name} | {Reads} | {Percentile(times, 0.5):F0} ms | {Percentile(times, 0.95):F0} ms | {times.Max():F0} ms |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("| entries waiting | view | reads | median | 95th percentile | slowest |");
        Console.WriteLine("|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
