using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// How many submissions per second pass from POST to "awaiting-curation" through the local host:
/// Azurite, the durable engine over the Azure Storage provider, inspection and renditions.
/// </summary>
public static class SubmissionThroughput
{
    /// <summary>Like a busy hour on the day: many phones sending at once, not one after another.</summary>
    private const int ConcurrentSenders = 16;

    /// <param name="warmUp">
    /// Sent (and, for the reference, run) before the clock starts, the same way as the timed ones: a
    /// host runs all day, so the figure is meant as a running host's pace, after the runtime has
    /// compiled most of the hot code at full speed (a method is compiled again, optimised, after its
    /// first 30 calls). With 1, as before 7 December, the timed run pays for more of that compiling,
    /// on both sides.
    /// </param>
    /// <param name="rounds">
    /// How many times to run the pair, reference then Soliday, one after the other: on this machine
    /// either side's pace varies by a fifth from minute to minute, so one pair's ratio can land
    /// either side of a goal; the median of several says where it stands.
    /// </param>
    public static async Task RunAsync(int count, string photoFile, int warmUp, int rounds)
    {
        warmUp = Math.Max(1, warmUp); // at least one, so connections and start-up are never timed
        var photo = await File.ReadAllBytesAsync(Corpus.File("real-exif", photoFile));
        var rows = new List<string>();
        var ratios = new List<double>();
        for (var round = 1; round <= Math.Max(1, rounds); round++)
        {
            Console.WriteLine($"Round {round}. Reference: {count} one-activity orchestrations on the same engine, after {warmUp} to warm up...");
            var reference = await EngineReference.RunAsync(count, warmUp);

            Console.WriteLine($"Round {round}. Starting Soliday.Local (Release) with a fresh Azurite...");
            await using var host = await SolidayHost.StartAsync();
            Console.WriteLine($"Sending {warmUp} submissions to warm up, then {count} of {photoFile} ({photo.Length:N0} bytes), {ConcurrentSenders} at a time...");
            await WaitForAwaitingAsync(host.Http, (await SendAsync(host.Http, photo, warmUp)).Ids);

            var clock = Stopwatch.StartNew();
            var (ids, postLatencies) = await SendAsync(host.Http, photo, count);
            var posted = clock.Elapsed;
            await WaitForAwaitingAsync(host.Http, ids);
            var total = clock.Elapsed;

            postLatencies.Sort();
            var ratio = reference.TotalSeconds / total.TotalSeconds;
            ratios.Add(ratio);
            rows.Add($"| {round} | {count} | {reference.TotalSeconds:F1} s, {count / reference.TotalSeconds:F1} /s | {posted.TotalSeconds:F1} s | {total.TotalSeconds:F1} s | {count / total.TotalSeconds:F1} /s | {ratio:F2} | {Percentile(postLatencies, 0.5):F0} ms | {Percentile(postLatencies, 0.95):F0} ms |");
        }

        Console.WriteLine();
        Console.WriteLine("| round | count | reference: engine only, one-activity orchestrations | Soliday: all started | all done | throughput | ratio | POST p50 | POST p95 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
        ratios.Sort();
        Console.WriteLine($"Ratio (Soliday's throughput over the reference's): {(ratios.Count == 1 ? $"{ratios[0]:F2}" : $"median {Median(ratios):F2} of {ratios.Count} rounds, {ratios[0]:F2} to {ratios[^1]:F2}")}");
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    /// <summary>Sends <paramref name="count"/> submissions, <see cref="ConcurrentSenders"/> at a time: their ids and each POST's time in milliseconds.</summary>
    private static async Task<(List<string> Ids, List<double> Latencies)> SendAsync(HttpClient http, byte[] photo, int count)
    {
        var latencies = new List<double>();
        var ids = new List<string>();
        using var senders = new SemaphoreSlim(ConcurrentSenders);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async _ =>
        {
            await senders.WaitAsync();
            try
            {
                var sent = Stopwatch.StartNew();
                var id = await SubmitAsync(http, photo);
                lock (ids)
                {
                    ids.Add(id);
                    latencies.Add(sent.Elapsed.TotalMilliseconds);
                }
            }
            finally
            {
                senders.Release();
            }
        }));
        return (ids, latencies);
    }

    private static async Task<string> SubmitAsync(HttpClient http, byte[] photo)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Benchmark entry"), "caption" },
            { new StringContent("A small test photo"), "alt" },
            { new StringContent("true"), "consent" },
        };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", "photo.jpg");
        using var response = await http.PostAsync("/api/submissions", form);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    internal static async Task WaitForAwaitingAsync(HttpClient http, IReadOnlyCollection<string> ids)
    {
        var pending = new HashSet<string>(ids);
        var deadline = Stopwatch.StartNew();
        while (pending.Count > 0)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"{pending.Count} submissions never reached awaiting-curation.");
            }

            foreach (var id in pending.ToList())
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/submissions/{id}");
                request.Headers.Accept.ParseAdd("application/json");
                using var response = await http.SendAsync(request);
                var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>();
                if (status is "awaiting-curation")
                {
                    pending.Remove(id);
                }
                else if (status is "failed" or "rejected")
                {
                    throw new InvalidOperationException($"Submission {id} ended {status}.");
                }
            }

            await Task.Delay(100);
        }
    }

    internal static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
