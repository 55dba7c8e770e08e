using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using Soliday.Entries;
using Soliday.Imaging.Containers;
using Soliday.Words;

namespace Soliday.Imaging;

/// <summary>The outcome of checking a photo: its size and format as its header declares them, or why it is refused.</summary>
public sealed record PhotoCheck(int Width, int Height, string? Format, PhotoRefusal? Refusal)
{
    public bool Accepted => Refusal is null;
}

/// <summary>
/// Decides whether a photo may be decoded, from its container and header alone: format by content
/// (never by file name or Content-Type), bytes, what it carries besides pixels, pixels and sides.
/// Nothing is decoded in full here, so a decompression bomb costs a header read. Run it through
/// <see cref="PhotoProcessor.CheckAsync"/>, which gives it a decode slot and a time budget.
/// </summary>
public sealed class PhotoGate(IOptions<ImagingOptions> options, SiteWords words, ILogger<PhotoGate> logger)
{
    private readonly ImagingOptions _limits = options.Value;

    /// <summary>Headers are read with the decoder's own capped allocator: a header can ask for memory too.</summary>
    private readonly Configuration _configuration = ImageSharpSetup.For(options.Value.AllocationLimitMegabytes);

    public async Task<PhotoCheck> CheckAsync(BinaryData photo, CancellationToken cancellationToken)
    {
        var bytes = photo.ToMemory();
        if (bytes.Length > _limits.MaxUploadBytes)
        {
            return Refused(PhotoRefusal.TooManyBytes(_limits.MaxUploadBytes, words));
        }

        if (HeifBoxes.IsHeif(bytes.Span))
        {
            return CheckHeif(bytes);
        }

        if (ContainerSniffer.IsAnimatedWebP(bytes.Span))
        {
            return Refused(PhotoRefusal.Animated(words));
        }

        // Before ImageSharp reads anything: its header read inflates and keeps every piece of metadata whole.
        if (ContainerWalker.ExceededLimit(bytes) is { } limit)
        {
            logger.LogInformation("A photo refused before decoding: {Limit}", limit);
            return Refused(PhotoRefusal.TooMuchMetadata(words));
        }

        IImageInfo? info;
        IImageFormat? format;
        try
        {
            using var stream = photo.ToStream();
            (info, format) = await Image.IdentifyWithFormatAsync(_configuration, stream, cancellationToken);
        }
        catch (Exception e) when (e is InvalidMemoryOperationException or OutOfMemoryException || e.InnerException is InvalidMemoryOperationException)
        {
            return Refused(PhotoRefusal.TooManyPixels(words));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Crafted files make ImageSharp 2.1 throw anything, NullReferenceException and
            // InsufficientExecutionStackException included: each is a file we cannot read, never a fault of ours.
            return Refused(PhotoRefusal.Unreadable(words));
        }

        if (info is null || format is null)
        {
            return Refused(PhotoRefusal.UnsupportedFormat(words));
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            return Refused(PhotoRefusal.Unreadable(words));
        }

        if (TooManyPixels(info.Width, info.Height))
        {
            return Refused(PhotoRefusal.TooManyPixels(words));
        }

        return new PhotoCheck(info.Width, info.Height, FormatName(format), null);
    }

    /// <summary>
    /// HEIC and AVIF: ImageSharp cannot read them, so the gate reads their boxes itself, under the
    /// same limits: structure, metadata, then pixels and sides as every image item declares them.
    /// </summary>
    private PhotoCheck CheckHeif(ReadOnlyMemory<byte> bytes)
    {
        var tally = new MetadataTally();
        var structure = HeifBoxes.Read(bytes, tally);
        if (tally.Exceeded is { } limit)
        {
            logger.LogInformation("A photo refused before decoding: {Limit}", limit);
            return Refused(PhotoRefusal.TooMuchMetadata(words));
        }

        if (structure.Problem is { } problem)
        {
            logger.LogInformation("A {Format} photo refused before decoding: {Problem}", structure.Format, problem);
            return Refused(PhotoRefusal.Unreadable(words));
        }

        if (structure.IsSequence)
        {
            return Refused(PhotoRefusal.Animated(words));
        }

        return TooManyPixels(structure.Width, structure.Height)
            ? Refused(PhotoRefusal.TooManyPixels(words))
            : new PhotoCheck(structure.Width, structure.Height, structure.Format, null);
    }

    private bool TooManyPixels(int width, int height) =>
        width > _limits.MaxSide || height > _limits.MaxSide || (long)width * height > _limits.MaxPixels;

    private static PhotoCheck Refused(PhotoRefusal refusal) => new(0, 0, null, refusal);

    private static string FormatName(IImageFormat format) => format switch
    {
        JpegFormat => ImageFormats.Jpeg,
        PngFormat => ImageFormats.Png,
        GifFormat => ImageFormats.Gif,
        WebpFormat => ImageFormats.WebP,
        _ => format.Name.ToLowerInvariant(),
    };
}
