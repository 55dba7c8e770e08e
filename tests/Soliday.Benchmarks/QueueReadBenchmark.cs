using System.Diagnostics;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// What a curator waits for the queue's first page: <c>GET /api/curation/queue</c> timed again and
/// again with few entries waiting, then with more, on one host in one run, so the cost of a view
/// can be compared as the queue grows.
/// </summary>
public static class QueueReadBenchmark
{
    private const int Reads = 40;

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

            using var warmUp = await host.Curator.GetAsync("/api/curation/queue");
            warmUp.EnsureSuccessStatusCode();
            var times = new List<double>();
            for (var i = 0; i < Reads; i++)
            {
                var clock = Stopwatch.StartNew();
                using var response = await host.Curator.GetAsync("/api/curation/queue");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            rows.Add($"| {level} | {Reads} | {Percentile(times, 0.5):F0} ms | {Percentile(times, 0.95):F0} ms | {times.Max():F0} ms |");
        }

        Console.WriteLine();
        Console.WriteLine("| entries waiting | reads of the first page (50) | GET /api/curation/queue, median | 95th percentile | slowest |");
        Console.WriteLine("|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
