using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// How long a curator's approval takes to reach the public site: from the POST of the decision to
/// the entry's status saying "published" (after which it is on the day page). Measured with few
/// entries waiting, then with a thousand waiting, in one run.
/// </summary>
public static class CurationLatency
{
    private const int ConcurrentSenders = 16;

    public static async Task RunAsync(int waiting, int decisions)
    {
        await using var host = await SolidayHost.StartAsync();
        Console.WriteLine($"Filling the queue with {decisions} entries...");
        var few = await SubmitAsync(host, decisions);
        var quiet = await MeasureAsync(host, few);

        Console.WriteLine($"Filling the queue with {waiting} entries...");
        var many = await SubmitAsync(host, waiting);
        var (queueRead, pageRead) = await ReadBoardAsync(host, waiting);
        var busy = await MeasureAsync(host, many.Take(decisions).ToList());

        Console.WriteLine();
        Console.WriteLine("| entries waiting | decisions | decision to published, median | 95th percentile | slowest |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine($"| {decisions} (then fewer) | {decisions} | {Percentile(quiet, 0.5):F0} ms | {Percentile(quiet, 0.95):F0} ms | {quiet.Max():F0} ms |");
        Console.WriteLine($"| {waiting} | {decisions} | {Percentile(busy, 0.5):F0} ms | {Percentile(busy, 0.95):F0} ms | {busy.Max():F0} ms |");
        Console.WriteLine();
        Console.WriteLine($"With {waiting} waiting: GET /api/curation/queue {queueRead:F0} ms, GET /api/curation (the page) {pageRead:F0} ms.");
    }

    internal static async Task<List<string>> SubmitAsync(SolidayHost host, int count)
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

        // All of them waiting for a curator before any decision is timed.
        var pending = new HashSet<string>(ids);
        while (pending.Count > 0)
        {
            pending.ExceptWith(await WaitingIdsAsync(host));
            await Task.Delay(500);
        }

        return ids;
    }

    /// <summary>One decision at a time, as a curator works: approve, then wait until it is published.</summary>
    private static async Task<List<double>> MeasureAsync(SolidayHost host, IReadOnlyList<string> ids)
    {
        var latencies = new List<double>();
        foreach (var id in ids)
        {
            var clock = Stopwatch.StartNew();
            using var approval = await host.Curator.PostAsync($"/api/curation/{id}/approve", null);
            approval.EnsureSuccessStatusCode();
            while (await StatusAsync(host, id) != "published")
            {
                await Task.Delay(20);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        return latencies;
    }

    private static async Task<(double Queue, double Page)> ReadBoardAsync(SolidayHost host, int waiting)
    {
        var clock = Stopwatch.StartNew();
        (await host.Curator.GetAsync("/api/curation/queue")).EnsureSuccessStatusCode();
        var queueRead = clock.Elapsed.TotalMilliseconds;
        if ((await WaitingIdsAsync(host)).Count < waiting)
        {
            throw new InvalidOperationException($"Fewer than {waiting} entries are waiting.");
        }

        clock.Restart();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/api/curation");
        page.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.CuratorToken);
        (await host.Http.SendAsync(page)).EnsureSuccessStatusCode();
        return (queueRead, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Every waiting entry's id, following the queue's <c>Link: rel="next"</c> pages.</summary>
    internal static async Task<List<string>> WaitingIdsAsync(SolidayHost host)
    {
        var ids = new List<string>();
        string? url = "/api/curation/queue";
        while (url is not null)
        {
            using var response = await host.Curator.GetAsync(url);
            response.EnsureSuccessStatusCode();
            ids.AddRange(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            url = response.Headers.TryGetValues("Link", out var links) ? links.Select(NextUrl).FirstOrDefault(u => u is not null) : null;
        }

        return ids;
    }

    private static string? NextUrl(string link) =>
        link.EndsWith("rel=\"next\"", StringComparison.Ordinal) && link.IndexOf('>', StringComparison.Ordinal) is > 1 and var end ? link[1..end] : null;

    private static async Task<string> StatusAsync(SolidayHost host, string id) =>
        (await host.Http.GetFromJsonAsync<JsonObject>($"/api/submissions/{id}"))!["status"]!.GetValue<string>();

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
