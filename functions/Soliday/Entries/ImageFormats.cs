namespace Soliday.Entries;

/// <summary>The image formats Soliday takes in (all six) and writes out (JPEG and WebP), by one name each.</summary>
public static class ImageFormats
{
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string Gif = "gif";
    public const string WebP = "webp";

    /// <summary>HEIF with HEVC inside: an iPhone's photos (Apple names the files .heic).</summary>
    public const string Heic = "heic";

    /// <summary>HEIF with AV1 inside: some Android phones' and browsers' photos.</summary>
    public const string Avif = "avif";

    public static string ContentType(string format) => $"image/{format}";

    public static string Extension(string format) => format == Jpeg ? "jpg" : format;
}
