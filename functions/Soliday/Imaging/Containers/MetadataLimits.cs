namespace Soliday.Imaging.Containers;

/// <summary>
/// How much a photo may carry besides its pixels, checked on the container before any decoder
/// reads it. ImageSharp 2.1 reads every piece of metadata whole into memory (inflating compressed
/// text and profiles first), so a one-megabyte file can ask it for gigabytes. Each figure is far
/// above what a camera, phone or editor writes, and far below what hurts a shared 2 GB process.
/// </summary>
public static class MetadataLimits
{
    /// <summary>An ICC colour profile: sRGB and Display P3 are under 4 KB, the largest printer profiles about 2 MB.</summary>
    public const long MaxIccProfileBytes = 4 * 1024 * 1024;

    /// <summary>EXIF: a phone's, maker notes and thumbnail included, must fit one 64 KB JPEG segment; four times that for other containers.</summary>
    public const long MaxExifBytes = 256 * 1024;

    /// <summary>XMP: an editor's full history (Lightroom, Photoshop) runs to a few hundred KB.</summary>
    public const long MaxXmpBytes = 2 * 1024 * 1024;

    /// <summary>Text: PNG text chunks (inflated), GIF comments, JPEG comments. A caption or a licence is a few KB.</summary>
    public const long MaxTextBytes = 1024 * 1024;

    /// <summary>Everything that is not pixels, together, inflated: every limit above at once still fits.</summary>
    public const long MaxTotalBytes = 8 * 1024 * 1024;

    /// <summary>
    /// Pieces of metadata (chunks, segments, extensions): a phone photo has under 20; a 4 MB ICC
    /// profile in 64 KB JPEG segments is 64. Thousands of tiny pieces cost the decoder per piece.
    /// </summary>
    public const int MaxPieces = 256;
}
