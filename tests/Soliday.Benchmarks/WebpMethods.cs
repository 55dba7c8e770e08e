using System.Diagnostics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Soliday.Imaging;
using Soliday.Testing;

namespace Soliday.Benchmarks;

/// <summary>
/// What WebP's encoding method (how hard the encoder searches for the best way to code each block)
/// costs and gives, at the quality the renditions use: CPU time, bytes and PSNR against the pixels
/// encoded, for each method from 0 (fastest) to 6, on the renditions of a phone photo and on the
/// small photo the intake benchmark sends. One thread, so CPU time is the time taken. PSNR alone
/// does not rank methods (the slower ones spend bits where the eye looks, not where PSNR does):
/// bytes at equal PSNR, and a look at the pictures, do.
/// </summary>
public static class WebpMethods
{
    private const int Runs = 7;

    /// <summary>Every method at the renditions' quality (75), then the fast methods at lower qualities, to compare at equal bytes.</summary>
    private static readonly (WebpEncodingMethod Method, int Quality)[] Settings =
    [
        .. Enum.GetValues<WebpEncodingMethod>().Distinct().Order().Select(method => (method, 75)),
        (WebpEncodingMethod.Level1, 70), (WebpEncodingMethod.Level1, 65), (WebpEncodingMethod.Level0, 70), (WebpEncodingMethod.Level2, 70),
    ];

    /// <summary>Prints the table; with <paramref name="keepIn"/>, also writes each setting's WebP renditions there, to look at side by side.</summary>
    public static async Task RunAsync(string? keepIn)
    {
        var photos = new[]
        {
            ("9.1 MP Nokia 8.3, widths 1600, 960, 480, 320", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg", new[] { 1600, 960, 480, RenditionPlanner.ThumbnailWidth }),
            ("Canon 40D 100 × 68 (the intake benchmark's photo)", "EX__jpg_Canon_40D.jpg", new[] { 100 }),
        };

        Console.WriteLine("| photo | method | quality | CPU per photo's WebP renditions (median of 7) | bytes | PSNR (dB) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, file, widths) in photos)
        {
            using var source = await Image.LoadAsync<Rgb24>(Corpus.File("real-exif", file));
            var renditions = widths.Select(w => source.Clone(x => x.Resize(w, 0))).ToList();
            try
            {
                foreach (var (method, quality) in Settings)
                {
                    var encoder = new WebpEncoder { Quality = quality, FileFormat = WebpFileFormatType.Lossy, Method = method };
                    var (cpu, bytes, psnr, encoded) = Measure(renditions, encoder);
                    if (keepIn is not null)
                    {
                        Directory.CreateDirectory(keepIn);
                        foreach (var (rendition, webp) in renditions.Zip(encoded))
                        {
                            await File.WriteAllBytesAsync(Path.Combine(keepIn, $"{Path.GetFileNameWithoutExtension(file)}-{rendition.Width}-method{(int)method}-q{quality}.webp"), webp);
                        }
                    }

                    Console.WriteLine($"| {name} | {(int)method} | {quality} | {cpu.TotalMilliseconds:F1} ms | {bytes:N0} | {psnr:F2} |");
                }
            }
            finally
            {
                renditions.ForEach(r => r.Dispose());
            }
        }
    }

    private static (TimeSpan Cpu, long Bytes, double Psnr, List<byte[]> Encoded) Measure(IReadOnlyList<Image<Rgb24>> renditions, WebpEncoder encoder)
    {
        Encode(renditions, encoder); // warm-up
        var times = new List<TimeSpan>();
        List<byte[]> encoded = [];
        for (var run = 0; run < Runs; run++)
        {
            var started = Stopwatch.GetTimestamp();
            encoded = Encode(renditions, encoder);
            times.Add(Stopwatch.GetElapsedTime(started));
        }

        var psnr = renditions.Zip(encoded, (original, webp) => Psnr(original, webp)).Average();
        return (times.Order().ElementAt(Runs / 2), encoded.Sum(e => (long)e.Length), psnr, encoded);
    }

    private static List<byte[]> Encode(IReadOnlyList<Image<Rgb24>> renditions, WebpEncoder encoder) =>
    [
        .. renditions.Select(image =>
        {
            using var output = new MemoryStream();
            image.Save(output, encoder);
            return output.ToArray();
        }),
    ];

    /// <summary>Peak signal-to-noise ratio of the decoded WebP against the pixels it was made from (higher is closer).</summary>
    private static double Psnr(Image<Rgb24> original, byte[] webp)
    {
        using var decoded = Image.Load<Rgb24>(webp);
        double sum = 0;
        for (var y = 0; y < original.Height; y++)
        {
            for (var x = 0; x < original.Width; x++)
            {
                var (a, b) = (original[x, y], decoded[x, y]);
                sum += Square(a.R - b.R) + Square(a.G - b.G) + Square(a.B - b.B);
            }
        }

        var mse = sum / (3.0 * original.Width * original.Height);
        return 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    private static double Square(int d) => (double)d * d;
}
