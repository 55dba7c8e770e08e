namespace Soliday.Entries;

/// <summary>
/// Something a curator should look at before deciding; never a decision by itself. The code is for
/// filters, the message for people, the link (a duplicate's status page) for following up.
/// </summary>
public sealed record EntryFlag(string Code, string Message, string? Link = null);

public static class FlagCodes
{
    public const string ExactDuplicate = "duplicate";
    public const string NearDuplicate = "near-duplicate";
    public const string MissingAlt = "alt-missing";
    public const string WeakAlt = "alt-weak";
    public const string CaptureTimeMissing = "capture-time-missing";
    public const string CaptureTimeOffDay = "capture-time-off-day";

    /// <summary>The photo's capture time and the time the sender gave ("When was this?") are far apart: the capture time places it.</summary>
    public const string CaptureTimeDisagrees = "capture-time-disagrees";
    public const string PersonalDetails = "personal-details";
    public const string WatchedWords = "watched-words";
    public const string Overdue = "overdue";
    public const string NotRepublished = "not-republished";

    /// <summary>A photo of a post from elsewhere that was not taken (refused address, too large, unreadable).</summary>
    public const string MediaRefused = "media-refused";

    /// <summary>
    /// The caption is the description stored in the photo file (IPTC/XMP), not words sent with the
    /// entry: it may have been written by someone else, for another purpose, so a person reads it before it is published.
    /// </summary>
    public const string CaptionFromPhoto = "caption-from-photo";

    /// <summary>The author of a post from elsewhere put a content warning on it.</summary>
    public const string ContentWarning = "content-warning";
}
