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
/// image may claim, and reads only the first frame of a GIF.
/// </summary>
public static class ImageSharpSetup
{
    /// <summary>
    /// A 50 MP photo decodes to 200 MB of RGBA; anything asking for more than this is refused by the
    /// allocator itself, a second line behind the pixel limit checked from the header.
    /// </summary>
    private const int AllocationLimitMegabytes = 256;

    public static Configuration Configuration { get; } = Create();

    private static Configuration Create()
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
                AllocationLimitMegabytes = AllocationLimitMegabytes,
            }),
        };

        // An animated GIF is a still photo here: decoding one frame bounds the work whatever the frame count.
        configuration.ImageFormatsManager.SetDecoder(
            GifFormat.Instance, new GifDecoder { DecodingMode = FrameDecodingMode.First, MaxFrames = 1 });
        return configuration;
    }
}
