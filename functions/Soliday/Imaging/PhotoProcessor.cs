using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using Soliday.Entries;
using Soliday.Words;

namespace Soliday.Imaging;

/// <summary>A photo made ready: its facts and its renditions.</summary>
public sealed record ProcessedPhoto(PhotoFacts Facts, IReadOnlyList<RenderedImage> Renditions);

/// <summary>The processed photo, or why it was refused. Never both, never neither.</summary>
public sealed record PhotoOutcome(ProcessedPhoto? Photo, PhotoRefusal? Refusal);

/// <summary>
/// Everything done to one photo, with no I/O: the gate, one decode, the facts, the renditions.
/// The gate and the decode run in one of <see cref="ImagingOptions.MaxConcurrentPhotos"/> slots,
/// each within its time budget and the capped allocator, so memory is bounded by the slots.
/// Whatever a hostile file makes ImageSharp do, the answer is an outcome, never an exception.
/// </summary>
public sealed class PhotoProcessor(
    PhotoGate gate,
    IOptions<ImagingOptions> imaging,
    IOptions<SolidayOptions> soliday,
    TimeProvider clock,
    SiteWords words,
    ILogger<PhotoProcessor> logger) : IDisposable
{
    private readonly SemaphoreSlim _decodeSlots = new(imaging.Value.MaxConcurrentPhotos);
    private readonly Configuration _decoding = ImageSharpSetup.For(imaging.Value.AllocationLimitMegabytes);

    /// <summary>
    /// The gate alone, in a decode slot and within the time budget, as the form and posts from
    /// elsewhere need before anything is stored: a header read is work a hostile file can inflate.
    /// </summary>
    public async Task<PhotoCheck> CheckAsync(BinaryData photo, CancellationToken cancellationToken = default)
    {
        await _decodeSlots.WaitAsync(cancellationToken);
        try
        {
            return await CheckWithinBudgetAsync(photo, cancellationToken);
        }
        finally
        {
            _decodeSlots.Release();
        }
    }

    public async Task<PhotoOutcome> ProcessAsync(BinaryData photo, CancellationToken cancellationToken = default)
    {
        await _decodeSlots.WaitAsync(cancellationToken);
        try
        {
            var check = await CheckWithinBudgetAsync(photo, cancellationToken);
            return check.Refusal is { } refusal
                ? new(null, refusal)
                : await DecodeAndRenderAsync(photo, check, cancellationToken);
        }
        finally
        {
            _decodeSlots.Release();
        }
    }

    public void Dispose() => _decodeSlots.Dispose();

    private async Task<PhotoCheck> CheckWithinBudgetAsync(BinaryData photo, CancellationToken cancellationToken)
    {
        // The budget starts once a slot is free: waiting for a turn is not slowness of the photo.
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(imaging.Value.DecodeTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var check = await gate.CheckAsync(photo, budget.Token);
            return Stopwatch.GetElapsedTime(started) > imaging.Value.DecodeTimeout ? new(0, 0, null, PhotoRefusal.TooSlow(words)) : check;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(0, 0, null, PhotoRefusal.TooSlow(words));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The gate turns ImageSharp's failures into refusals; this is the last line for the rest
            // (an OutOfMemoryException in the walk itself): a hostile file never becomes a 500.
            logger.LogWarning(e, "A photo's header check failed");
            return new(0, 0, null, PhotoRefusal.Unreadable(words));
        }
    }

    private async Task<PhotoOutcome> DecodeAndRenderAsync(BinaryData photo, PhotoCheck check, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(imaging.Value.DecodeTimeout);
        try
        {
            // JPEG has no alpha: three bytes a pixel instead of four is a quarter less memory and work.
            var processed = check.Format switch
            {
                ImageFormats.Heic or ImageFormats.Avif => RenderHeif(photo, check.Format),
                ImageFormats.Jpeg => await RenderAsync<Rgb24>(photo, check.Format, budget.Token),
                _ => await RenderAsync<Rgba32>(photo, check.Format!, budget.Token),
            };
            return new(processed, null);
        }
        catch (Exception e) when ((e is OperationCanceledException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            return new(null, PhotoRefusal.TooSlow(words));
        }
        catch (Exception e) when (e is InvalidMemoryOperationException or OutOfMemoryException || e.InnerException is InvalidMemoryOperationException)
        {
            // The capped allocator said no. Decoders wrap its refusal in InvalidImageContentException
            // ("degenerate dimensions"), which alone would read as a damaged file: it is a big one.
            return new(null, PhotoRefusal.TooManyPixels(words));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A sound header over broken image data: ImageSharp 2.1 then throws any type at all.
            logger.LogInformation(e, "A {Format} photo could not be decoded", check.Format);
            return new(null, PhotoRefusal.Unreadable(words));
        }
    }

    private async Task<ProcessedPhoto> RenderAsync<TPixel>(BinaryData photo, string format, CancellationToken cancellationToken)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var stream = photo.ToStream();
        var decodeStarted = Stopwatch.GetTimestamp();
        using var image = await Image.LoadAsync<TPixel>(_decoding, stream, cancellationToken);
        ThrowIfOverBudget(decodeStarted);

        // Read from the decoded image, not the header: WebP's EXIF is read only by the full decode,
        // and then not at all when its writer prefixed it as in JPEG.
        if (image.Metadata.ExifProfile is not { Values.Count: > 0 } && ContainerSniffer.WebPExif(photo.ToMemory().Span) is { } webpExif)
        {
            image.Metadata.ExifProfile = new ExifProfile(webpExif);
        }

        return Describe(photo, format, image);
    }

    /// <summary>HEIC and AVIF: decoded by ImageMagick, under the same limits, then rendered as every other photo.</summary>
    private ProcessedPhoto RenderHeif(BinaryData photo, string format)
    {
        HeifDecoder.Configure(imaging.Value);
        var decodeStarted = Stopwatch.GetTimestamp();
        using var image = HeifDecoder.Decode(photo.ToMemory(), format, _decoding);
        ThrowIfOverBudget(decodeStarted);
        return image switch
        {
            Image<Rgb24> opaque => Describe(photo, format, opaque),
            Image<Rgba32> withAlpha => Describe(photo, format, withAlpha),
            _ => throw new InvalidOperationException($"HeifDecoder gave an image of {image.PixelType.BitsPerPixel} bits a pixel."),
        };
    }

    /// <summary>
    /// The budget's timer needs a free thread-pool thread to fire, and on a busy machine it may
    /// come only after the decode has finished: the clock decides, not the timer.
    /// </summary>
    private void ThrowIfOverBudget(long decodeStarted)
    {
        if (Stopwatch.GetElapsedTime(decodeStarted) > imaging.Value.DecodeTimeout)
        {
            throw new TimeoutException("The decode took longer than its budget.");
        }
    }

    /// <summary>The facts read from a decoded photo's metadata, and its renditions.</summary>
    private ProcessedPhoto Describe<TPixel>(BinaryData photo, string format, Image<TPixel> image)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var exif = image.Metadata.ExifProfile;
        var orientation = PhotoMetadataReader.Orientation(exif);
        var captured = CaptureTimeReader.Read(exif, soliday.Value.Zone, clock.GetUtcNow());
        var location = PhotoMetadataReader.Location(exif);
        var camera = PhotoMetadataReader.Camera(exif);
        var description = PhotoMetadataReader.Description(image.Metadata);

        var rendered = RenditionRenderer.Render(image, orientation, RenditionPlanner.Widths(
            orientation >= 5 ? image.Height : image.Width, imaging.Value.RenditionWidths));

        var facts = new PhotoFacts
        {
            Format = format,
            Width = rendered.Width,
            Height = rendered.Height,
            Orientation = orientation,
            CapturedAt = captured.At,
            CaptureTimeIssue = captured.Issue,
            Location = location,
            Camera = camera,
            Description = description,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(photo.ToMemory().Span)),
            PerceptualHash = rendered.PerceptualHash,
            DominantColour = rendered.DominantColour,
        };
        return new ProcessedPhoto(facts, rendered.Images);
    }
}
