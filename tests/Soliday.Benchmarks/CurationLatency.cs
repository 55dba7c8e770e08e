using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// What a curator waits for, as the queue grows, on one host in one run: the queue's first page
/// (<c>GET /api/curation/queue</c>), the curation page itself and the counts it polls, and an approval reaching the public
/// site (from the POST of the decision to the entry's status saying "published", which is written
/// after the day page). At each level the queue is filled until that many entries wait after the
/// timed decisions, so every row is measured with its number waiting. A few decisions before the
/// first level warm the host up, untimed.
/// </summary>
public static class CurationLatency
{
    /// <summary>Like a busy hour on the day: many phones sending at once.</summary>
    private const int ConcurrentSenders = 16;

    /// <summary>Sent and awaited in batches, so a slow fill shows its progress and each wait is bounded.</summary>
    private const int FillBatch = 500;

    /// <summary>
    /// Decisions taken before anything is timed: the first after a start run while the runtime still
    /// compiles the decision's and the publish's code, which a host on the day did long before.
    /// </summary>
    private const int WarmUpDecisions = 20;

    private const int QueueReads = 40;
    private const int PageReads = 10;

    public static async Task RunAsync(IReadOnlyList<int> waitingLevels, int decisions)
    {
        await using var host = await SolidayHost.StartAsync(DecisionSteps.HostLogging);
        var rows = new List<string>();
        var steps = new List<string>();
        var waiting = new Queue<string>();
        Console.WriteLine($"Warming up: {WarmUpDecisions} entries sent and approved, not timed...");
        await MeasureDecisionsAsync(host, await SubmitAsync(host, WarmUpDecisions));
        foreach (var level in waitingLevels.Order())
        {
            var wanted = level + decisions - waiting.Count;
            Console.WriteLine($"Filling the queue to {level + decisions} waiting ({wanted} to send)...");
            var fill = Stopwatch.StartNew();
            for (var sent = 0; sent < wanted; sent += FillBatch)
            {
                foreach (var id in await SubmitAsync(host, Math.Min(FillBatch, wanted - sent)))
                {
                    waiting.Enqueue(id);
                }

                Console.WriteLine($"  {waiting.Count} waiting after {fill.Elapsed.TotalSeconds:F0} s");
            }

            var queue = await TimeReadsAsync(host.Curator, "/api/curation/queue", QueueReads);
            var page = await TimeReadsAsync(host.Curator, "/api/curation", PageReads);
            var counts = await TimeReadsAsync(host.Curator, "/api/curation/counts", QueueReads);

            // The oldest arrivals, as a curator working down the queue takes them.
            var (decided, windows) = await MeasureDecisionsAsync(host, [.. Enumerable.Range(0, decisions).Select(_ => waiting.Dequeue())]);
            steps.AddRange(DecisionSteps.Rows(level, host.Output, windows));
            rows.Add($"| {level} | {Median(decided):F0} ms | {Percentile(decided, 0.95):F0} ms | {decided.Max():F0} ms | {Median(queue):F0} ms | {Percentile(queue, 0.95):F0} ms | {Median(page):F0} ms | {Percentile(page, 0.95):F0} ms | {Percentile(counts, 0.95):F0} ms |");
            Console.WriteLine(rows[^1]);
        }

        Console.WriteLine();
        Console.WriteLine($"| entries waiting | decision to published, median ({decisions} decisions) | p95 | slowest | queue GET, median ({QueueReads} reads) | p95 | curation page GET, median ({PageReads} reads) | p95 | counts poll GET, p95 ({QueueReads} reads) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);

        Console.WriteLine();
        Console.WriteLine(DecisionSteps.Header);
        Console.WriteLine("|---|---|---|---|---|---|");
        steps.ForEach(Console.WriteLine);
    }

    private static async Task<List<string>> SubmitAsync(SolidayHost host, int count)
    {
        var ids = new List<string>();
        using var senders = new SemaphoreSlim(ConcurrentSenders);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await senders.WaitAsync();
            try
            {
                using var form = new MultipartFormDataContent { { new StringContent($"Benchmark entry {i}"), "caption" }, { new StringContent("true"), "consent" } };
                using var response = await host.Http.PostAsync("/api/submissions", form);
                response.EnsureSuccessStatusCode();
                var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
                lock (ids)
                {
                    ids.Add(id);
                }
            }
            finally
            {
                senders.Release();
            }
        }));

        // All of them waiting for a curator before anything is timed.
        await SubmissionThroughput.WaitForAwaitingAsync(host.Http, ids);
        return ids;
    }

    private static async Task<List<double>> TimeReadsAsync(HttpClient curator, string url, int reads)
    {
        (await curator.GetAsync(url)).Dispose(); // warm-up, not counted
        var times = new List<double>();
        for (var i = 0; i < reads; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await curator.GetAsync(url);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }

    /// <summary>One decision at a time, as a curator works: approve, then wait until it is published.</summary>
    private static async Task<(List<double> Latencies, List<DecisionSteps.Window> Windows)> MeasureDecisionsAsync(SolidayHost host, IReadOnlyList<string> ids)
    {
        var latencies = new List<double>();
        var windows = new List<DecisionSteps.Window>();
        foreach (var id in ids)
        {
            var sent = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            using var approval = await host.Curator.PostAsync($"/api/curation/{id}/approve", null);
            approval.EnsureSuccessStatusCode();
            var answered = sent + clock.Elapsed;
            while (await StatusAsync(host, id) != "published")
            {
                await Task.Delay(20);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            windows.Add(new DecisionSteps.Window(sent, answered, sent + clock.Elapsed));
        }

        latencies.Sort();
        return (latencies, windows);
    }

    private static async Task<string> StatusAsync(SolidayHost host, string id) =>
        (await host.Http.GetFromJsonAsync<JsonObject>($"/api/submissions/{id}"))!["status"]!.GetValue<string>();

    private static double Median(List<double> sorted) => Percentile(sorted, 0.5);

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
