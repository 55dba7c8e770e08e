using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;
using Soliday.Imaging;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// Soliday's renditions of a photo (3 widths × JPEG + WebP) against libvips' <c>vipsthumbnail</c>
/// making the same widths and formats, side by side on the same photos: CPU time and peak memory
/// per photo, and photos a second with both cores busy. Needs <c>vipsthumbnail</c> (Debian
/// <c>libvips-tools</c>) and GNU <c>time</c> (Debian <c>time</c>).
/// </summary>
public static class ImagingBenchmark
{
    private const int Runs = 5;
    private const int ThroughputPhotos = 8;
    private static readonly int[] Widths = [1600, 960, 480, RenditionPlanner.ThumbnailWidth];

    public static async Task RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("soliday-imaging-bench").FullName;
        var photos = new[]
        {
            ("12 MP composite (4000 × 3000)", await MakeTwelveMegapixelJpegAsync(work)),
            ("9.1 MP Nokia 8.3 (4608 × 1976)", Corpus.File("real-exif", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg")),
        };

        Console.WriteLine("| photo | tool | CPU per photo (median of 5) | ratio to libvips | peak memory (RSS) | photos/s, both cores | bytes of the 6 renditions |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (name, file) in photos)
        {
            var vips = MeasureVips(file, work);
            var soliday = await MeasureSolidayAsync(file);
            var solidayPeak = await PeakOfOneProcessAsync(file);
            var vipsRate = VipsThroughput(file, work);
            var solidayRate = await SolidayThroughputAsync(file);
            Console.WriteLine($"| {name} | libvips vipsthumbnail | {vips.Cpu.TotalMilliseconds:F0} ms | 1.00 | {vips.PeakMegabytes:F0} MB | {vipsRate:F2} | {vips.Bytes:N0} |");
            Console.WriteLine($"| {name} | Soliday (ImageSharp 2.1) | {soliday.Cpu.TotalMilliseconds:F0} ms | {soliday.Cpu / vips.Cpu:F2} | {solidayPeak:F0} MB | {solidayRate:F2} | {soliday.Bytes:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine($"Peak memory of a Soliday process that only starts and loads ImageSharp: {await PeakOfOneProcessAsync(null):F0} MB");
        Console.WriteLine();
        Console.WriteLine("| bomb | outcome | peak memory (RSS) of the process |");
        Console.WriteLine("|---|---|---|");
        foreach (var bomb in Directory.GetFiles(Corpus.Malformed, "SYN__*").Order())
        {
            var (peak, said) = await MeasureOneProcessAsync(bomb, quiet: false);
            Console.WriteLine($"| {Path.GetFileName(bomb)} | {said} | {peak:F0} MB |");
        }
    }

    /// <summary>Processes one photo in this (fresh) process and reports; used to measure a process's peak memory.</summary>
    public static async Task<int> RunOneAsync(string? file)
    {
        var processor = NewProcessor();
        if (file is null)
        {
            return 0;
        }

        var outcome = await processor.ProcessAsync(BinaryData.FromBytes(await File.ReadAllBytesAsync(file)));
        Console.WriteLine(outcome.Refusal is { } refusal ? $"refused: {refusal.Code}" : $"{outcome.Photo!.Renditions.Count} renditions");
        return 0;
    }

    private static PhotoProcessor NewProcessor()
    {
        var imaging = Options.Create(new ImagingOptions());
        return new PhotoProcessor(new PhotoGate(imaging, Soliday.Words.SiteWords.English, NullLogger<PhotoGate>.Instance), imaging, Options.Create(new Soliday.Entries.SolidayOptions { Day = new DateOnly(2026, 6, 20) }), TimeProvider.System, Soliday.Words.SiteWords.English, NullLogger<PhotoProcessor>.Instance);
    }

    private static async Task<(TimeSpan Cpu, long Bytes)> MeasureSolidayAsync(string file)
    {
        var processor = NewProcessor();
        var photo = BinaryData.FromBytes(await File.ReadAllBytesAsync(file));
        await processor.ProcessAsync(photo); // warm-up: JIT and pools
        await processor.ProcessAsync(photo);

        var self = Process.GetCurrentProcess();
        var times = new List<TimeSpan>();
        long bytes = 0;
        for (var run = 0; run < Runs; run++)
        {
            self.Refresh();
            var before = self.TotalProcessorTime;
            var outcome = await processor.ProcessAsync(photo);
            self.Refresh();
            times.Add(self.TotalProcessorTime - before);
            if (outcome.Photo is null)
            {
                throw new InvalidOperationException($"Soliday refused {file}: {outcome.Refusal!.Code}");
            }

            bytes = outcome.Photo.Renditions.Sum(r => r.Content.ToMemory().Length);
        }

        return (times.Order().ElementAt(Runs / 2), bytes);
    }

    private static async Task<double> SolidayThroughputAsync(string file)
    {
        var processor = NewProcessor();
        var photo = BinaryData.FromBytes(await File.ReadAllBytesAsync(file));
        await processor.ProcessAsync(photo);
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, ThroughputPhotos, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (_, _) => await processor.ProcessAsync(photo));
        return ThroughputPhotos / clock.Elapsed.TotalSeconds;
    }

    private static (TimeSpan Cpu, double PeakMegabytes, long Bytes) MeasureVips(string file, string work)
    {
        VipsRenditions(file, work); // warm the file cache as Soliday's warm-up does
        var runs = Enumerable.Range(0, Runs).Select(_ => VipsRenditions(file, work)).ToList();
        return (runs.Select(r => r.Cpu).Order().ElementAt(Runs / 2), runs.Max(r => r.PeakMegabytes), runs[0].Bytes);
    }

    private static double VipsThroughput(string file, string work)
    {
        var clock = Stopwatch.StartNew();
        Parallel.For(0, ThroughputPhotos, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ => VipsRenditions(file, work));
        return ThroughputPhotos / clock.Elapsed.TotalSeconds;
    }

    /// <summary>One photo's six renditions with vipsthumbnail: CPU summed over the six processes, peak the largest.</summary>
    private static (TimeSpan Cpu, double PeakMegabytes, long Bytes) VipsRenditions(string file, string work)
    {
        var cpu = TimeSpan.Zero;
        var peak = 0.0;
        var output = Path.Combine(work, Guid.NewGuid().ToString("N"));
        foreach (var width in Widths)
        {
            foreach (var format in new[] { "jpg[Q=80,strip]", "webp[Q=70,effort=1,strip]" })
            {
                var (user, system, peakKb) = Timed("vipsthumbnail", file, "--size", $"{width}x", "-o", $"{output}-{width}.{format}");
                cpu += user + system;
                peak = Math.Max(peak, peakKb / 1024.0);
            }
        }

        var outputs = Directory.GetFiles(work, $"{Path.GetFileName(output)}-*");
        var bytes = outputs.Sum(f => new FileInfo(f).Length);
        Array.ForEach(outputs, File.Delete);
        return (cpu, peak, bytes);
    }

    /// <summary>The peak memory of a fresh process preparing this one photo (none: one that only starts).</summary>
    internal static async Task<double> PeakOfOneProcessAsync(string? file) => (await MeasureOneProcessAsync(file, quiet: true)).PeakMegabytes;

    /// <summary>Runs <c>imaging-one</c> in a fresh process under GNU time: its peak memory, and what it said.</summary>
    private static Task<(double PeakMegabytes, string Said)> MeasureOneProcessAsync(string? file, bool quiet)
    {
        var self = Environment.ProcessPath!;
        var arguments = new List<string> { self, Path.Combine(AppContext.BaseDirectory, "Soliday.Benchmarks.dll") };
        if (self.EndsWith("dotnet", StringComparison.Ordinal) is false)
        {
            arguments.RemoveAt(1); // an apphost runs itself
        }

        arguments.Add("imaging-one");
        if (file is not null)
        {
            arguments.Add(file);
        }

        var (_, _, peakKb, said) = TimedWithOutput(arguments[0], [.. arguments.Skip(1)]);
        return Task.FromResult((peakKb / 1024.0, quiet ? "" : said.Trim()));
    }

    private static (TimeSpan User, TimeSpan System, long PeakKb) Timed(string command, params string[] arguments)
    {
        var (user, system, peak, _) = TimedWithOutput(command, arguments);
        return (user, system, peak);
    }

    /// <summary>Runs a command under GNU time: its user and system CPU, and its maximum resident set.</summary>
    private static (TimeSpan User, TimeSpan System, long PeakKb, string Output) TimedWithOutput(string command, params string[] arguments)
    {
        var report = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-o", report, "-f", "%U %S %M", command }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} failed ({process.ExitCode}): {error}");
        }

        var fields = File.ReadAllLines(report).Last().Split(' ');
        File.Delete(report);
        return (
            TimeSpan.FromSeconds(double.Parse(fields[0], CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(fields[1], CultureInfo.InvariantCulture)),
            long.Parse(fields[2], CultureInfo.InvariantCulture),
            output);
    }

    /// <summary>
    /// The corpus has no 12 MP photo, so one is made: four real photos in the quadrants of a
    /// 4000 × 3000 frame, saved as a camera would (JPEG quality 92), with real photographic detail.
    /// </summary>
    private static async Task<string> MakeTwelveMegapixelJpegAsync(string work)
    {
        string[] sources = ["EX__jpg_mobile_jolla.jpg", "DN__jpg_Blackberry_Z10.jpg", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg", "EX__jpg_hdr_canon_hdr_NO.jpg"];
        using var frame = new Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(4000, 3000);
        for (var i = 0; i < sources.Length; i++)
        {
            using var part = await Image.LoadAsync(Corpus.File("real-exif", sources[i]));
            part.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(2000, 1500), Mode = ResizeMode.Crop }));
            frame.Mutate(x => x.DrawImage(part, new Point(i % 2 * 2000, i / 2 * 1500), 1f));
        }

        var file = Path.Combine(work, "twelve-megapixels.jpg");
        await frame.SaveAsJpegAsync(file, new JpegEncoder { Quality = 92 });
        return file;
    }
}
