using ImageMagick.Configuration;
using MagickCacheErrorException = ImageMagick.MagickCacheErrorException;
using MagickException = ImageMagick.MagickException;
using MagickFormat = ImageMagick.MagickFormat;
using MagickImage = ImageMagick.MagickImage;
using MagickNET = ImageMagick.MagickNET;
using MagickReadSettings = ImageMagick.MagickReadSettings;
using MagickResourceLimitErrorException = ImageMagick.MagickResourceLimitErrorException;
using PixelMapping = ImageMagick.PixelMapping;
using ResourceLimits = ImageMagick.ResourceLimits;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;
using Soliday.Entries;

namespace Soliday.Imaging;

/// <summary>
/// Decodes HEIC and AVIF photos, which ImageSharp 2.1 cannot read, with ImageMagick (Magick.NET:
/// libheif with its own HEVC and AV1 decoders), into an ImageSharp image: from there a HEIC photo
/// takes the same way to its renditions as every other. ImageMagick reads a hundred formats, so it
/// is locked down to these two: a security policy lets no other coder, delegate or file path run,
/// the format is always named on read (never detected), and its resource limits mirror
/// <see cref="ImagingOptions"/>. The gate has already read the header (<see cref="Containers.HeifBoxes"/>).
/// </summary>
public static class HeifDecoder
{
    /// <summary>
    /// ImageMagick's policy: no coder but HEIC and AVIF (reading only), no external program, no
    /// "@file" indirection. Set once per process, before ImageMagick reads anything.
    /// </summary>
    private const string SecurityPolicy = """
        <policymap>
          <policy domain="coder" rights="none" pattern="*" />
          <policy domain="coder" rights="read" pattern="{HEIC,AVIF}" />
          <policy domain="delegate" rights="none" pattern="*" />
          <policy domain="path" rights="none" pattern="@*" />
        </policymap>
        """;

    private static readonly Lock Setup = new();
    private static bool _initialised;

    /// <summary>
    /// Applies the policy (once) and the resource limits (each time: they are the process's, and
    /// every processor is built from the same options). ImageMagick refuses, with an exception, an
    /// image wider, taller or larger than the gate allows, one whose pixels need more memory than
    /// one ImageSharp image may claim (never spilling to disk instead), or one that takes longer
    /// than the decode budget.
    /// </summary>
    public static void Configure(ImagingOptions limits)
    {
        lock (Setup)
        {
            if (!_initialised)
            {
                var configuration = ConfigurationFiles.Default;
                configuration.Policy.Data = SecurityPolicy;
                var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "soliday-imagemagick")).FullName;
                MagickNET.Initialize(configuration, folder);
                _initialised = true;
            }

            var memory = (ulong)limits.AllocationLimitMegabytes * 1024 * 1024;
            ResourceLimits.Width = (ulong)limits.MaxSide;
            ResourceLimits.Height = (ulong)limits.MaxSide;
            ResourceLimits.Area = (ulong)limits.MaxPixels;
            ResourceLimits.Memory = memory;
            ResourceLimits.MaxMemoryRequest = memory;
            ResourceLimits.Disk = 0;
            ResourceLimits.ListLength = 2; // the fewest images that still lets one be read (1 refuses every read): never a sequence's frames
            ResourceLimits.MaxProfileSize = (ulong)Containers.MetadataLimits.MaxIccProfileBytes; // the largest metadata limit
            ResourceLimits.Time = (ulong)Math.Ceiling(limits.DecodeTimeout.TotalSeconds);
        }
    }

    /// <summary>
    /// The photo as an ImageSharp image, upright, with its EXIF and XMP kept for the facts read from
    /// them (the renditions strip both). libheif applies the container's rotation and mirror
    /// (<c>irot</c>, <c>imir</c>) while decoding, and HEIF says an EXIF orientation must then be
    /// ignored: it is removed, so nothing turns the photo a second time.
    /// </summary>
    public static Image Decode(ReadOnlyMemory<byte> file, string format, Configuration configuration)
    {
        var settings = new MagickReadSettings
        {
            Format = format == ImageFormats.Avif ? MagickFormat.Avif : MagickFormat.Heic,
            FrameIndex = 0,
            FrameCount = 1,
        };
        using var magick = Read(file, settings);
        var width = (int)magick.Width;
        var height = (int)magick.Height;

        // Q8 gives a byte a channel; the array is the image's memory from here (no second copy).
        Image image = magick.HasAlpha
            ? Image.WrapMemory<Rgba32>(configuration, magick.GetPixelsUnsafe().ToByteArray(PixelMapping.RGBA)!, width, height)
            : Image.WrapMemory<Rgb24>(configuration, magick.GetPixelsUnsafe().ToByteArray(PixelMapping.RGB)!, width, height);

        if (magick.GetExifProfile()?.ToByteArray() is { Length: > 6 } exif)
        {
            var profile = new ExifProfile(exif.AsSpan().StartsWith("Exif\0\0"u8) ? exif[6..] : exif);
            profile.RemoveValue(ExifTag.Orientation);
            image.Metadata.ExifProfile = profile;
        }

        if (magick.GetXmpProfile()?.ToByteArray() is { Length: > 0 } xmp)
        {
            image.Metadata.XmpProfile = new XmpProfile(xmp);
        }

        if (magick.GetColorProfile()?.ToByteArray() is { Length: > 0 } icc)
        {
            image.Metadata.IccProfile = new SixLabors.ImageSharp.Metadata.Profiles.Icc.IccProfile(icc);
        }

        return image;
    }

    /// <summary>ImageMagick's refusals in the words the processor already understands: too slow, or too big.</summary>
    private static MagickImage Read(ReadOnlyMemory<byte> file, MagickReadSettings settings)
    {
        try
        {
            return new MagickImage(file.Span, settings);
        }
        catch (MagickResourceLimitErrorException e) when (e.Message.Contains("TimeLimitExceeded", StringComparison.OrdinalIgnoreCase))
        {
            throw new TimeoutException("ImageMagick's time limit ended the decode.", e);
        }
        catch (MagickException e) when (IsOverLimit(e))
        {
            throw new InvalidMemoryOperationException($"ImageMagick's resource limits refused the image: {e.Message}");
        }
    }

    /// <summary>
    /// Over a size limit, or its pixels would not fit the memory allowed (the pixel cache may not
    /// spill to disk). ImageMagick says so in three ways: resource and cache errors, an image error
    /// for a side over its limit, and libheif's own security limits, which also refuse a picture
    /// larger than its <c>ispe</c> box declared.
    /// </summary>
    private static bool IsOverLimit(MagickException e) =>
        e is MagickResourceLimitErrorException or MagickCacheErrorException
        || e.Message.Contains("WidthOrHeightExceedsLimit", StringComparison.Ordinal)
        || e.Message.Contains("Security limit exceeded", StringComparison.Ordinal);
}
