using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// What a HEIC or AVIF photo costs to prepare (gate, ImageMagick decode, the same renditions)
/// against a JPEG of the same pixels, which ImageSharp decodes: time per photo and the peak memory
/// of a fresh process preparing one. The JPEG is made from the HEIF's own decoded pixels (quality
/// 92, as a camera saves), so the two differ only in the container and codec.
/// </summary>
public static class HeifBenchmark
{
    private const int Runs = 7;

    public static async Task RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("soliday-heif-bench").FullName;
        var photos = new[]
        {
            ("corpus HEIC, 640 × 426", ImageFormats.Heic, HeifFiles.Original()),
            ("AVIF, 2000 × 1332 (tests/Shared/Photos)", ImageFormats.Avif, HeifFiles.LargeAvif()),
        };

        Console.WriteLine("| photo | format | file bytes | time per photo (median of 7) | CPU per photo | peak memory (RSS) of a process preparing it |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, format, bytes) in photos)
        {
            var heifFile = Path.Combine(work, $"photo.{format}");
            await File.WriteAllBytesAsync(heifFile, bytes);
            var jpegFile = Path.Combine(work, $"photo-{format}.jpg");
            HeifDecoder.Configure(new ImagingOptions());
            using (var decoded = HeifDecoder.Decode(bytes, format, Configuration.Default))
            {
                await decoded.SaveAsJpegAsync(jpegFile, new JpegEncoder { Quality = 92 });
            }

            foreach (var (label, file) in new[] { (format.ToUpperInvariant(), heifFile), ("JPEG, same pixels", jpegFile) })
            {
                var (wall, cpu) = await TimeAsync(file);
                var peak = await ImagingBenchmark.PeakOfOneProcessAsync(file);
                Console.WriteLine($"| {name} | {label} | {new FileInfo(file).Length:N0} | {wall.TotalMilliseconds:F0} ms | {cpu.TotalMilliseconds:F0} ms | {peak:F0} MB |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Peak memory of a process that only starts and builds the processor: {await ImagingBenchmark.PeakOfOneProcessAsync(null):F0} MB");
    }

    /// <summary>Median wall time and CPU of preparing the photo in this process, after two warm-up runs (JIT, pools, ImageMagick's start).</summary>
    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> TimeAsync(string file)
    {
        var imaging = Options.Create(new ImagingOptions());
        using var processor = new PhotoProcessor(new PhotoGate(imaging, Soliday.Words.SiteWords.English, NullLogger<PhotoGate>.Instance), imaging, Options.Create(new SolidayOptions { Day = new DateOnly(2026, 6, 20) }), TimeProvider.System, Soliday.Words.SiteWords.English, NullLogger<PhotoProcessor>.Instance);
        var photo = BinaryData.FromBytes(await File.ReadAllBytesAsync(file));
        await processor.ProcessAsync(photo);
        await processor.ProcessAsync(photo);

        var self = Process.GetCurrentProcess();
        var walls = new List<TimeSpan>();
        var cpus = new List<TimeSpan>();
        for (var run = 0; run < Runs; run++)
        {
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var outcome = await processor.ProcessAsync(photo);
            walls.Add(Stopwatch.GetElapsedTime(started));
            self.Refresh();
            cpus.Add(self.TotalProcessorTime - cpuBefore);
            if (outcome.Photo is null)
            {
                throw new InvalidOperationException($"Soliday refused {file}: {outcome.Refusal!.Code}");
            }
        }

        return (walls.Order().ElementAt(Runs / 2), cpus.Order().ElementAt(Runs / 2));
    }
}
