using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// What hostile uploads cost the local host: the twenty metadata bombs of <see cref="HostileImages"/>
/// POSTed four at a time for several rounds, then real corpus photos the same way (taken all the way
/// to awaiting-curation, renditions made), while the host process's resident memory is sampled.
/// </summary>
public static class HostileUploads
{
    /// <summary>As in the acceptance test: twice the default decode slots, so some requests wait their turn.</summary>
    private const int AtOnce = 4;

    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Real photos of the sizes residents send, largest first: a 9 MP phone photo, two 6-8 MP ones, a small one.</summary>
    private static readonly string[] RealPhotos =
        ["EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg", "DN__jpg_Blackberry_Z10.jpg", "EX__jpg_mobile_jolla.jpg", "EX__jpg_Canon_40D.jpg"];

    public static async Task RunAsync(int rounds, int? concurrentPhotos)
    {
        Console.WriteLine($"Starting Soliday.Local (Release) with a fresh Azurite, Imaging:MaxConcurrentPhotos {concurrentPhotos?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "as configured (2)"}...");
        await using var host = await SolidayHost.StartAsync(concurrentPhotos is { } slots
            ? new() { ["Imaging__MaxConcurrentPhotos"] = slots.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : null);
        var pid = host.ProcessId ?? throw new InvalidOperationException("The host has no process.");

        // One real submission first, so start-up costs (JIT, connections, the first orchestration) are not counted.
        var warm = await SendAsync(host.Http, Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"), "warm-up.jpg");
        await SubmissionThroughput.WaitForAwaitingAsync(host.Http, [warm.Id!]);
        var idle = ResidentBytes(pid);

        var hostile = HostileImages.Suite();
        Console.WriteLine($"Sending {hostile.Count} hostile files x {rounds} rounds, {AtOnce} at a time (idle RSS {Mb(idle)})...");
        var hostileRun = await MeasureAsync(pid, async () =>
        {
            var sent = new List<Sent>();
            for (var round = 0; round < rounds; round++)
            {
                foreach (var batch in hostile.Chunk(AtOnce))
                {
                    sent.AddRange(await Task.WhenAll(batch.Select(f => SendAsync(host.Http, f.Bytes, $"{f.Name}.jpg"))));
                }
            }

            return sent;
        });
        await EnsureAnsweringAsync(host.Http);

        var photos = RealPhotos.Select(name => (Name: name, Bytes: Corpus.Read("real-exif", name))).ToList();
        Console.WriteLine($"Sending {photos.Count} real photos x {rounds} rounds, {AtOnce} at a time, each to awaiting-curation...");
        var realRun = await MeasureAsync(pid, async () =>
        {
            var sent = new List<Sent>();
            for (var round = 0; round < rounds; round++)
            {
                var batch = await Task.WhenAll(photos.Select(p => SendAsync(host.Http, p.Bytes, p.Name)));
                sent.AddRange(batch);
                await SubmissionThroughput.WaitForAwaitingAsync(host.Http, [.. batch.Where(s => s.Id is not null).Select(s => s.Id!)]);
            }

            return sent;
        });
        await EnsureAnsweringAsync(host.Http);

        var largest = LargestAllowed();
        Console.WriteLine($"Sending the largest photos allowed ({string.Join(", ", largest.Select(l => $"{l.Name} {l.Bytes.Length / 1024} KB"))}), {AtOnce} at a time x {Math.Max(1, rounds / 2)} rounds, each to awaiting-curation...");
        var largestRun = await MeasureAsync(pid, async () =>
        {
            var sent = new List<Sent>();
            for (var round = 0; round < Math.Max(1, rounds / 2); round++)
            {
                var batch = await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(i => SendAsync(host.Http, largest[i % largest.Count].Bytes, largest[i % largest.Count].Name)));
                sent.AddRange(batch);
                await SubmissionThroughput.WaitForAwaitingAsync(host.Http, [.. batch.Where(s => s.Id is not null).Select(s => s.Id!)]);
            }

            return sent;
        });
        await EnsureAnsweringAsync(host.Http);

        Console.WriteLine();
        Console.WriteLine($"Idle after warm-up: {Mb(idle)} resident.");
        Console.WriteLine("| files | requests | answers | answer p50 | answer p95 | peak RSS (host process) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Print($"{hostile.Count} hostile (metadata bombs)", hostileRun);
        Print($"{photos.Count} real photos, POST then renditions", realRun);
        Print($"{largest.Count} largest allowed (50 MP), POST then renditions", largestRun);
    }

    /// <summary>
    /// Pictures at the pixel limit (50 MP, Imaging:MaxPixels): what a hostile sender would use once
    /// metadata bombs are refused, since they are accepted and decoded in full. A JPEG (three bytes a
    /// pixel) and a PNG (four, with alpha), of smooth gradients so each stays under the upload limit.
    /// </summary>
    private static List<(string Name, byte[] Bytes)> LargestAllowed()
    {
        const int Side = 7071; // 7071 x 7071 = 49,999,041 pixels
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(Side, Side);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new SixLabors.ImageSharp.PixelFormats.Rgba32((byte)(x / 28), (byte)(y / 28), (byte)((x + y) / 56), 255);
                }
            }
        });
        using var jpeg = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsJpeg(image, jpeg);
        using var png = new MemoryStream();
        SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, png);
        return [("50MP.jpg", jpeg.ToArray()), ("50MP.png", png.ToArray())];
    }

    private sealed record Sent(HttpStatusCode Status, string? Code, string? Id, double Milliseconds);

    private sealed record Run(List<Sent> Sent, long PeakResidentBytes);

    private static async Task<Run> MeasureAsync(int pid, Func<Task<List<Sent>>> work)
    {
        using var stop = new CancellationTokenSource();
        long peak = ResidentBytes(pid);
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, ResidentBytes(pid));
                await Task.Delay(SampleEvery, CancellationToken.None);
            }
        });
        var sent = await work();
        await stop.CancelAsync();
        await sampling;
        return new Run(sent, Math.Max(peak, ResidentBytes(pid)));
    }

    private static void Print(string files, Run run)
    {
        var times = run.Sent.Select(s => s.Milliseconds).Order().ToList();
        var answers = string.Join(", ", run.Sent.GroupBy(s => s.Code is null ? $"{(int)s.Status}" : $"{(int)s.Status} {s.Code}").Select(g => $"{g.Count()} x {g.Key}"));
        Console.WriteLine($"| {files} | {run.Sent.Count} | {answers} | {SubmissionThroughput.Percentile(times, 0.5):F0} ms | {SubmissionThroughput.Percentile(times, 0.95):F0} ms | {Mb(run.PeakResidentBytes)} |");
    }

    private static async Task<Sent> SendAsync(HttpClient http, byte[] photo, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Benchmark entry"), "caption" },
            { new StringContent("A test photo"), "alt" },
            { new StringContent("true"), "consent" },
        };
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", fileName);
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("/api/submissions", form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return new Sent(response.StatusCode, body?["code"]?.GetValue<string>(), body?["id"]?.GetValue<string>(), clock.Elapsed.TotalMilliseconds);
    }

    private static async Task EnsureAnsweringAsync(HttpClient http)
    {
        using var health = await http.GetAsync("/api/health");
        if (health.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The host stopped answering: /api/health gave {(int)health.StatusCode}.");
        }
    }

    /// <summary>VmRSS from /proc/&lt;pid&gt;/status: what the process holds in memory now.</summary>
    private static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F0} MB";
}
