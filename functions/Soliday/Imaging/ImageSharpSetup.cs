using System.Collections.Concurrent;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata;

namespace Soliday.Imaging;

/// <summary>
/// The one ImageSharp configuration Soliday decodes with. ImageSharp 2.1 has no defences against
/// hostile files by default, so this one knows only the formats we take, caps the memory a single
/// image may claim (<see cref="ImagingOptions.AllocationLimitMegabytes"/>), and reads only the first
/// frame of a GIF.
/// </summary>
public static class ImageSharpSetup
{
    /// <summary>One per allocation limit: each holds its own memory pool, so they are made once and shared.</summary>
    private static readonly ConcurrentDictionary<int, Configuration> ByLimit = new();

    /// <summary>The configuration whose allocator refuses any image asking for more than <paramref name="allocationLimitMegabytes"/>.</summary>
    public static Configuration For(int allocationLimitMegabytes) => ByLimit.GetOrAdd(allocationLimitMegabytes, Create);

    private static Configuration Create(int allocationLimitMegabytes)
    {
        // TIFF, BMP, TGA and PBM are left out on purpose: no phone sends them and each decoder is attack surface.
        var configuration = new Configuration(
            new JpegConfigurationModule(),
            new PngConfigurationModule(),
            new GifConfigurationModule(),
            new WebpConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = allocationLimitMegabytes,
            }),
        };

        // An animated GIF is a still photo here: decoding one frame bounds the work whatever the frame count.
        configuration.ImageFormatsManager.SetDecoder(
            GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First, MaxFrames = 1 });
        return configuration;
    }
}
