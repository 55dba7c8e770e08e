namespace Soliday.Entries;

/// <summary>The image formats Soliday takes in (all four) and writes out (JPEG and WebP), by one name each.</summary>
public static class ImageFormats
{
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string Gif = "gif";
    public const string WebP = "webp";

    public static string ContentType(string format) => $"image/{format}";

    public static string Extension(string format) => format == Jpeg ? "jpg" : format;
}
