using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Soliday.Entries;

namespace Soliday.Imaging;

/// <summary>A rendition's bytes, before it is stored.</summary>
public sealed record RenderedImage(string Format, int Width, int Height, BinaryData Content);

/// <summary>What is made from a photo's pixels: its size upright, its renditions, its perceptual hash and main colour.</summary>
public sealed record RenderedPhoto(int Width, int Height, IReadOnlyList<RenderedImage> Images, string PerceptualHash, string DominantColour);

/// <summary>
/// Makes every rendition from one decoded photo: the right way up, metadata stripped so GPS never
/// leaves the building, ICC profile kept so colours stay true. The full-size photo is only read:
/// the largest rendition is resized from it and then turned upright, and each smaller one is
/// resized from the next larger. Turning or flattening the full-size photo would cost a second
/// full-size buffer and most of the work.
/// </summary>
public static class RenditionRenderer
{
    /// <summary>JPEG quality 80: indistinguishable from the original at web sizes, a quarter of the bytes of 95.</summary>
    private const int JpegQuality = 80;

    /// <summary>
    /// WebP quality 70 with the encoder's second-fastest search (method 1): about the bytes and the
    /// closeness to the pixels of quality 75 with its default search (method 4), for a sixth to an
    /// eighth of the CPU time. The default's search was most of the work of preparing a phone
    /// photo (docs/benchmarks.md).
    /// </summary>
    private const int WebPQuality = 70;

    private static readonly IImageEncoder JpegEncoder = new JpegEncoder { Quality = JpegQuality };
    private static readonly IImageEncoder WebPEncoder = new WebpEncoder { Quality = WebPQuality, FileFormat = WebpFileFormatType.Lossy, Method = WebpEncodingMethod.Level1 };

    /// <summary>Renders <paramref name="photo"/> (as decoded, not yet turned) at <paramref name="widths"/>, largest first.</summary>
    public static RenderedPhoto Render<TPixel>(Image<TPixel> photo, int orientation, IReadOnlyList<int> widths)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var turned = orientation >= 5; // orientations 5 to 8 swap width and height
        var (uprightWidth, uprightHeight) = turned ? (photo.Height, photo.Width) : (photo.Width, photo.Height);
        var icc = photo.Metadata.IccProfile?.ToByteArray();
        var hasAlpha = photo.PixelType.AlphaRepresentation is not (null or PixelAlphaRepresentation.None);

        var rendered = new List<RenderedImage>(widths.Count * 2);
        Image<TPixel>? larger = null;
        try
        {
            foreach (var width in widths)
            {
                var height = Math.Max(1, (int)Math.Round((double)uprightHeight * width / uprightWidth));
                var resized = larger is null
                    ? FirstRendition(photo, turned ? new Size(height, width) : new Size(width, height), hasAlpha)
                    : larger.Clone(x => x.Resize(Resize(new Size(width, height))));
                larger?.Dispose();
                larger = resized;

                rendered.Add(Encode(resized, ImageFormats.Jpeg, JpegEncoder, icc: null));
                rendered.Add(Encode(resized, ImageFormats.WebP, WebPEncoder, icc));
            }

            // Hash and colour come from the smallest rendition, already in memory and plenty for both.
            return new RenderedPhoto(uprightWidth, uprightHeight, rendered, PerceptualHash.Compute(larger!), ColourNamer.DominantColour(larger!));
        }
        finally
        {
            larger?.Dispose();
        }
    }

    /// <summary>The largest rendition, sized in the photo's stored orientation, then turned upright, flattened and stripped.</summary>
    private static Image<TPixel> FirstRendition<TPixel>(Image<TPixel> photo, Size storedSize, bool hasAlpha)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var first = photo.Clone(x => x.Resize(Resize(storedSize)).AutoOrient());
        if (hasAlpha)
        {
            first.Mutate(x => x.BackgroundColor(Color.White)); // JPEG has no transparency: flatten on white
        }

        StripMetadataButColour(first);
        return first;
    }

    /// <summary>Exactly the size asked for; callers compute it from the aspect ratio.</summary>
    private static ResizeOptions Resize(Size size) => new()
    {
        Size = size,
        Mode = ResizeMode.Stretch,
        Sampler = KnownResamplers.Bicubic,
    };

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
