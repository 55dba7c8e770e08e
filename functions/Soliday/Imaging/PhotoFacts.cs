namespace Soliday.Imaging;

/// <summary>What inspecting a photo found. GPS and camera stay out of here: they never leave the workflow.</summary>
public sealed record PhotoFacts
{
    /// <summary>"jpeg", "png", "gif" or "webp", decided by content, never by file name.</summary>
    public required string Format { get; init; }

    /// <summary>Width and height as the photo should be seen, after its EXIF orientation.</summary>
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required int Orientation { get; init; }

    /// <summary>The capture time from EXIF, or null when it is missing, blank, invalid or in the future.</summary>
    public DateTimeOffset? CapturedAt { get; init; }

    /// <summary>SHA-256 of the original bytes, lower-case hex: finds exact duplicates.</summary>
    public required string Sha256 { get; init; }
}

/// <summary>One resized copy of a photo, for <c>srcset</c>.</summary>
public sealed record Rendition(string BlobName, string Format, int Width, int Height, long Bytes)
{
    public string ContentType => Format == RenditionFormats.WebP ? "image/webp" : "image/jpeg";
}

public static class RenditionFormats
{
    public const string Jpeg = "jpeg";
    public const string WebP = "webp";
}
