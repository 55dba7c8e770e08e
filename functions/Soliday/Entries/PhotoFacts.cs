namespace Soliday.Entries;

/// <summary>
/// What inspecting a photo found. It lives in the entry's private record: location and camera never
/// reach the public site; only a coarse place name derived from the location may, later.
/// </summary>
public sealed record PhotoFacts
{
    /// <summary>"jpeg", "png", "gif" or "webp", decided by content, never by file name.</summary>
    public required string Format { get; init; }

    /// <summary>Width and height as the photo should be seen, after its EXIF orientation.</summary>
    public required int Width { get; init; }
    public required int Height { get; init; }

    /// <summary>The EXIF orientation the camera wrote (1 to 8; 1 when absent or invalid).</summary>
    public required int Orientation { get; init; }

    /// <summary>The capture time from EXIF, or null when <see cref="CaptureTimeIssue"/> says why not.</summary>
    public DateTimeOffset? CapturedAt { get; init; }

    /// <summary>Set when the capture time could not be believed, for the curator: the entry uses its upload time.</summary>
    public CaptureTimeIssue? CaptureTimeIssue { get; init; }

    /// <summary>Where the photo was taken, from EXIF GPS. Private.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>Camera make and model. Private.</summary>
    public string? Camera { get; init; }

    /// <summary>A caption the photographer wrote into the file (IPTC or XMP), used when the resident wrote none.</summary>
    public string? Description { get; init; }

    /// <summary>The picture's main colour in everyday words ("green", "blue"), for a tag.</summary>
    public string? DominantColour { get; init; }

    /// <summary>SHA-256 of the original bytes, lower-case hex: finds exact duplicates.</summary>
    public required string Sha256 { get; init; }

    /// <summary>A 64-bit difference hash of the picture, hex: finds near duplicates (see <see cref="PerceptualHash"/>).</summary>
    public required string PerceptualHash { get; init; }
}

/// <summary>Why a photo's capture time was not believed.</summary>
public enum CaptureTimeIssue
{
    /// <summary>No EXIF capture time at all.</summary>
    Missing,

    /// <summary>A capture time that is blank or not a date.</summary>
    Invalid,

    /// <summary>A capture time after the photo reached us: the camera's clock is wrong.</summary>
    Future,
}

/// <summary>A position in decimal degrees (WGS 84).</summary>
public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>One resized copy of a photo, for <c>srcset</c>.</summary>
public sealed record Rendition(string BlobName, string Format, int Width, int Height, long Bytes)
{
    public string ContentType => ImageFormats.ContentType(Format);
}
