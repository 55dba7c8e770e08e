using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Soliday.Imaging;

/// <summary>A rendition's bytes, before it is stored.</summary>
public sealed record RenderedImage(string Format, int Width, int Height, BinaryData Content);

/// <summary>What is made from a photo's pixels: its renditions, and its perceptual hash.</summary>
public sealed record RenderedPhoto(int Width, int Height, IReadOnlyList<RenderedImage> Images, string PerceptualHash);

/// <summary>
/// Makes every rendition from one decoded photo: turned the right way up, metadata stripped so GPS
/// never leaves the building, ICC profile kept so colours stay true. Each width is resized from the
/// next larger one, not from the original: the same result at a fraction of the work.
/// </summary>
public static class RenditionRenderer
{
    /// <summary>JPEG quality 80: indistinguishable from the original at web sizes, a quarter of the bytes of 95.</summary>
    private const int JpegQuality = 80;

    /// <summary>WebP quality 75: looks like JPEG 80 at about a third fewer bytes.</summary>
    private const int WebPQuality = 75;

    private static readonly IImageEncoder JpegEncoder = new JpegEncoder { Quality = JpegQuality };
    private static readonly IImageEncoder WebPEncoder = new WebpEncoder { Quality = WebPQuality, FileFormat = WebpFileFormatType.Lossy };

    /// <summary>Renders the photo at <paramref name="widths"/> (largest first). The image is turned and stripped in place.</summary>
    public static RenderedPhoto Render<TPixel>(Image<TPixel> image, IReadOnlyList<int> widths)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        image.Mutate(x => x.AutoOrient());
        if (image.PixelType.AlphaRepresentation is not (null or PixelAlphaRepresentation.None))
        {
            image.Mutate(x => x.BackgroundColor(Color.White)); // JPEG has no transparency: flatten on white
        }

        StripMetadataButColour(image);
        var icc = image.Metadata.IccProfile?.ToByteArray();

        var rendered = new List<RenderedImage>(widths.Count * 2);
        Image<TPixel>? larger = null;
        try
        {
            foreach (var width in widths)
            {
                var source = larger ?? image;
                var height = Math.Max(1, (int)Math.Round((double)image.Height * width / image.Width));
                var resized = source.Clone(x => x.Resize(new ResizeOptions
                {
                    Size = new Size(width, height),
                    Mode = ResizeMode.Stretch, // the exact size computed above keeps the aspect ratio
                    Sampler = KnownResamplers.Bicubic,
                }));
                larger?.Dispose();
                larger = resized;

                rendered.Add(Encode(resized, RenditionFormats.Jpeg, JpegEncoder, icc: null));
                rendered.Add(Encode(resized, RenditionFormats.WebP, WebPEncoder, icc));
            }

            return new RenderedPhoto(image.Width, image.Height, rendered, PerceptualHash.Compute(larger ?? image));
        }
        finally
        {
            larger?.Dispose();
        }
    }

    /// <summary>EXIF (GPS, camera, times), XMP and IPTC go; the ICC colour profile stays.</summary>
    private static void StripMetadataButColour(Image image)
    {
        image.Metadata.ExifProfile = null;
        image.Metadata.XmpProfile = null;
        image.Metadata.IptcProfile = null;
        foreach (var frame in image.Frames)
        {
            frame.Metadata.ExifProfile = null;
            frame.Metadata.XmpProfile = null;
            frame.Metadata.IptcProfile = null;
        }
    }

    private static RenderedImage Encode(Image image, string format, IImageEncoder encoder, byte[]? icc)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        var bytes = output.ToArray();

        // The JPEG encoder writes the profile itself; the WebP encoder of ImageSharp 2.1 does not.
        if (icc is not null)
        {
            bytes = ContainerSniffer.WithIccProfile(bytes, icc, image.Width, image.Height);
        }

        return new RenderedImage(format, image.Width, image.Height, new BinaryData(bytes));
    }
}
