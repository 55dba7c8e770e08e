using Soliday.Words;

namespace Soliday.Imaging;

/// <summary>
/// Why a photo cannot be taken, with a code for machines and words for the resident, in the site's
/// language: the message is said where the photo is refused, and goes on to the form, the problem
/// details and, for a photo refused while being prepared, the entry's reason.
/// </summary>
public sealed record PhotoRefusal(string Code, int StatusCode, string Message)
{
    public static PhotoRefusal TooManyBytes(long max, SiteWords words) => new(
        "too-large", 413, words.Say("refusal.tooLarge", ("megabytes", max / (1024 * 1024))));

    public static PhotoRefusal TooManyPixels(SiteWords words) => new(
        "too-many-pixels", 413, words["refusal.tooManyPixels"]);

    public static PhotoRefusal Animated(SiteWords words) => new(
        "animated", 415, words["refusal.animated"]);

    public static PhotoRefusal UnsupportedFormat(SiteWords words) => new(
        "unsupported-format", 415, words["refusal.unsupportedFormat"]);

    public static PhotoRefusal Unreadable(SiteWords words) => new(
        "unreadable", 415, words["refusal.unreadable"]);

    /// <summary>
    /// 422: the picture is well formed but carries far more hidden data (text, colour profile,
    /// camera data) than any photo does, the shape of a file made to exhaust the server.
    /// </summary>
    public static PhotoRefusal TooMuchMetadata(SiteWords words) => new(
        "too-much-metadata", 422, words["refusal.tooMuchMetadata"]);

    public static PhotoRefusal TooSlow(SiteWords words) => new(
        "too-slow", 413, words["refusal.tooSlow"]);
}
