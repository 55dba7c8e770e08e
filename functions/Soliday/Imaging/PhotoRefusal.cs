namespace Soliday.Imaging;

/// <summary>Why a photo cannot be taken, with a code for machines and words for the resident.</summary>
public sealed record PhotoRefusal(string Code, int StatusCode, string Message)
{
    public static PhotoRefusal TooManyBytes(long max) => new(
        "too-large", 413, $"This photo is too large to send. Please choose one under {max / (1024 * 1024)} MB.");

    public static PhotoRefusal TooManyPixels() => new(
        "too-many-pixels", 413, "This picture is too big for us to handle. Please send a smaller copy of it.");

    public static PhotoRefusal Animated() => new(
        "animated", 415, "This is an animated picture. Please send a still photo.");

    public static PhotoRefusal UnsupportedFormat() => new(
        "unsupported-format", 415,
        "We can only take JPEG, HEIC, PNG, WebP, AVIF or GIF pictures. Please send your photo as your phone or camera saved it: they all save one of those.");

    public static PhotoRefusal Unreadable() => new(
        "unreadable", 415, "We could not read this picture: the file may be damaged. Please try another copy of the photo.");

    /// <summary>
    /// 422: the picture is well formed but carries far more hidden data (text, colour profile,
    /// camera data) than any photo does, the shape of a file made to exhaust the server.
    /// </summary>
    public static PhotoRefusal TooMuchMetadata() => new(
        "too-much-metadata", 422,
        "This picture carries far more hidden information (text, colour or camera details) than a photo needs, so we cannot take it. Please send the photo as your phone or camera saved it.");

    public static PhotoRefusal TooSlow() => new(
        "too-slow", 413, "This picture took too long for us to read. Please send a smaller copy of it.");
}
