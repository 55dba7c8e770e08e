using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;

namespace Soliday.Imaging;

/// <summary>The outcome of checking a photo: its header facts, or why it is refused.</summary>
public sealed record PhotoCheck(IImageInfo? Info, string? Format, PhotoRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
}

/// <summary>
/// Decides whether a photo may be decoded, from its header alone: format by content (never by file
/// name or Content-Type), bytes, pixels and sides. Nothing is decoded in full here, so a
/// decompression bomb costs a header read.
/// </summary>
public sealed class PhotoGate(IOptions<ImagingOptions> options)
{
    private readonly ImagingOptions _limits = options.Value;

    public PhotoCheck Check(BinaryData photo)
    {
        var bytes = photo.ToMemory().Span;
        if (bytes.Length > _limits.MaxUploadBytes)
        {
            return Refused(PhotoRefusal.TooManyBytes(_limits.MaxUploadBytes));
        }

        if (ContainerSniffer.IsHeif(bytes))
        {
            return Refused(PhotoRefusal.Heif());
        }

        if (ContainerSniffer.IsAnimatedWebP(bytes))
        {
            return Refused(PhotoRefusal.AnimatedWebP());
        }

        IImageInfo? info;
        IImageFormat? format;
        try
        {
            using var stream = photo.ToStream();
            info = Image.Identify(ImageSharpSetup.Configuration, stream, out format);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Crafted files make ImageSharp 2.1 throw anything, NullReferenceException included:
            // every one of them is a file we cannot read, never a fault of ours.
            return Refused(PhotoRefusal.Unreadable());
        }

        if (info is null || format is null)
        {
            return Refused(PhotoRefusal.UnsupportedFormat());
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            return Refused(PhotoRefusal.Unreadable());
        }

        if (info.Width > _limits.MaxSide || info.Height > _limits.MaxSide || (long)info.Width * info.Height > _limits.MaxPixels)
        {
            return Refused(PhotoRefusal.TooManyPixels());
        }

        return new PhotoCheck(info, FormatName(format), null);
    }

    private static PhotoCheck Refused(PhotoRefusal refusal) => new(null, null, refusal);

    private static string FormatName(IImageFormat format) => format switch
    {
        JpegFormat => ImageFormats.Jpeg,
        PngFormat => ImageFormats.Png,
        GifFormat => ImageFormats.Gif,
        WebpFormat => ImageFormats.WebP,
        _ => format.Name.ToLowerInvariant(),
    };
}
