using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Pages;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// Points a curator at what deserves a second look: duplicates, missing or weak descriptions,
/// capture times that cannot be trusted, a caption taken from the photo file, text that may hold
/// someone's personal details, watched words. Flags inform; they never reject anything by
/// themselves, and nothing is published without a curator's approval, so every flag is seen by a
/// person before its entry reaches the site.
/// </summary>
public sealed partial class EntryFlagger(IOptions<CurationOptions> curation, IOptions<SolidayOptions> soliday)
{
    /// <summary>Shorter than this, a description rarely tells someone who cannot see the photo what is in it.</summary>
    private const int WeakAltLength = 15;

    /// <summary>
    /// A person remembers a time to the quarter or half hour, and a phone's clock can be an hour out
    /// around the change to or from summer time; further apart than this, one of the two is wrong
    /// (another photo, a slip of am for pm), and the entry may sit in the wrong hour.
    /// </summary>
    public static readonly TimeSpan GivenTimeTolerance = TimeSpan.FromHours(1);

    public IReadOnlyList<EntryFlag> Flags(Entry entry, IReadOnlyList<PhotoHashes> otherPhotos)
    {
        var flags = new List<EntryFlag>(entry.IntakeFlags);
        flags.AddRange(Duplicates(entry, otherPhotos));
        flags.AddRange(Descriptions(entry));
        flags.AddRange(CaptureTimes(entry));
        flags.AddRange(CaptionFromPhoto(entry));
        flags.AddRange(PersonalDetails(entry.Text));
        flags.AddRange(WatchedWords(entry.Text));
        return flags;
    }

    private static IEnumerable<EntryFlag> Duplicates(Entry entry, IReadOnlyList<PhotoHashes> otherPhotos)
    {
        var others = otherPhotos.Where(o => o.SubmissionId != entry.Id).ToList();
        foreach (var facts in entry.Photos.Select(p => p.Facts).OfType<PhotoFacts>())
        {
            if (others.FirstOrDefault(o => o.Sha256 == facts.Sha256) is { } exact)
            {
                yield return new EntryFlag(FlagCodes.ExactDuplicate, "The same photo was sent before, in another entry.", Routes.SubmissionStatusUrl(exact.SubmissionId));
            }
            else if (others.FirstOrDefault(o => PerceptualHash.AreNearDuplicates(o.PerceptualHash, facts.PerceptualHash)) is { } near)
            {
                yield return new EntryFlag(FlagCodes.NearDuplicate, "A very similar photo was sent before, in another entry.", Routes.SubmissionStatusUrl(near.SubmissionId));
            }
        }
    }

    private static IEnumerable<EntryFlag> Descriptions(Entry entry)
    {
        foreach (var photo in entry.Photos)
        {
            var alt = photo.Alt.Trim();
            if (alt.Length == 0)
            {
                yield return new EntryFlag(FlagCodes.MissingAlt, $"Photo {photo.Index + 1} has no description for people who cannot see it.");
            }
            else if (alt.Length < WeakAltLength || !alt.Contains(' ') || FileNameLike().IsMatch(alt)
                || string.Equals(alt, entry.Text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                yield return new EntryFlag(FlagCodes.WeakAlt, $"Photo {photo.Index + 1} has a description that may not say what is in it: \"{alt}\".");
            }
        }
    }

    private IEnumerable<EntryFlag> CaptureTimes(Entry entry)
    {
        foreach (var facts in entry.Photos.Select(p => p.Facts).OfType<PhotoFacts>())
        {
            if (facts.CaptureTimeIssue is { } issue)
            {
                var why = issue switch
                {
                    CaptureTimeIssue.Future => "is in the future (the camera's clock is wrong)",
                    CaptureTimeIssue.Invalid => "is not a readable date",
                    _ => "is missing",
                };
                var placed = entry.GivenMomentAt is { } given
                    ? $"at {Display.Time(given, soliday.Value.Zone)}, the time the sender gave"
                    : "at the time it was sent";
                yield return new EntryFlag(FlagCodes.CaptureTimeMissing, $"The photo's capture time {why}: it is placed {placed}.");
            }
            else if (facts.CapturedAt is { } captured && soliday.Value.DateOf(captured) != soliday.Value.Day)
            {
                yield return new EntryFlag(FlagCodes.CaptureTimeOffDay, $"The photo was taken on {Display.DateAndTime(captured, soliday.Value.Zone)}, not on the day.");
            }
        }

        // The capture time that places the entry (the first the photos know), against the sender's time;
        // one taken on another day is flagged as that already.
        if (Entry.CaptureTime(entry.Photos.Select(p => p.Facts)) is { } first && entry.GivenMomentAt is { } givenAt
            && soliday.Value.DateOf(first) == soliday.Value.Day && (first - givenAt).Duration() > GivenTimeTolerance)
        {
            var zone = soliday.Value.Zone;
            yield return new EntryFlag(FlagCodes.CaptureTimeDisagrees,
                $"The sender said this was at {Display.Time(givenAt, zone)}, but the photo was taken at {Display.Time(first, zone)}: it is placed at the photo's time. One of them is wrong: check the photo shows the moment described.");
        }
    }

    /// <summary>
    /// The caption <see cref="Entry.TextOrPhotoDescription"/> filled from the photo file when the
    /// sender wrote none. Told by the text itself, so a curator's edit that rewrites the caption
    /// clears the flag, and an edit of anything else keeps it.
    /// </summary>
    private static IEnumerable<EntryFlag> CaptionFromPhoto(Entry entry)
    {
        var embedded = Entry.TextOrPhotoDescription("", entry.Photos.Select(p => p.Facts));
        if (embedded.Length > 0 && string.Equals(entry.Text, embedded, StringComparison.Ordinal))
        {
            yield return new EntryFlag(FlagCodes.CaptionFromPhoto, "Caption taken from the photo file: it is the description stored in the photo (IPTC/XMP), perhaps written by someone other than the sender and never meant for the site. Read it before approving, and edit it if it should not be published.");
        }
    }

    private static IEnumerable<EntryFlag> PersonalDetails(string text)
    {
        var found = new[]
        {
            (EmailAddress(), "an email address"),
            (PhoneNumber(), "a phone number"),
            (Postcode(), "a postcode"),
            (StreetAddress(), "a street address"),
        }.Where(p => p.Item1.IsMatch(text)).Select(p => p.Item2).ToList();

        if (found.Count > 0)
        {
            yield return new EntryFlag(FlagCodes.PersonalDetails, $"The text seems to contain {string.Join(" and ", found)}: check it is the sender's to share.");
        }
    }

    private IEnumerable<EntryFlag> WatchedWords(string text)
    {
        var words = curation.Value.WatchedWords
            .Where(word => word.Length > 0 && Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            .ToList();
        if (words.Count > 0)
        {
            yield return new EntryFlag(FlagCodes.WatchedWords, $"The text contains a watched word: {string.Join(", ", words)}.");
        }
    }

    [GeneratedRegex(@"^(img|dsc|dscn|pxl|photo|image|picture|pic|screenshot)[\s_\-]*\d*(\.\w{3,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex FileNameLike();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+")]
    private static partial Regex EmailAddress();

    /// <summary>UK numbers: 07700 900123, 0121 496 0000, +44 7700 900123.</summary>
    [GeneratedRegex(@"(?<!\d)(\+44\s?\(?0?\)?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")]
    private static partial Regex PhoneNumber();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b\d{1,4}[a-z]?\s+(\w+\s){0,3}(Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Crescent|Grove|Place|Court|Gardens|Terrace|Hill|Walk|Mews)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StreetAddress();
}
