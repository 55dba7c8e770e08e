using Soliday.Entries;

namespace Soliday.Submissions;

/// <summary>The names of the form fields: the HTTP contract of <c>POST /api/submissions</c>.</summary>
public static class SubmissionFormFields
{
    public const string Photo = "photo";
    public const string Caption = "caption";
    public const string Alt = "alt";
    public const string Credit = "credit";
    public const string Licence = "licence";
    public const string Consent = "consent";
    public const string Email = "email";
    public const string Place = "place";

    /// <summary>"When was this?": an optional time of day, <c>HH:mm</c> (see <see cref="GivenTimes"/>).</summary>
    public const string Moment = "moment";

    /// <summary>"Email me a receipt": <c>true</c> asks for the receipt and the note of the outcome, nothing else.</summary>
    public const string Receipt = "receipt";

    /// <summary>
    /// The token of a photo kept from the form's last try (see <see cref="KeptPhotos"/>): the n-th
    /// <c>kept</c> goes with the n-th <c>photo</c>, standing in for it when that part comes empty.
    /// </summary>
    public const string Kept = "kept";

    /// <summary>
    /// In volunteer mode only: the resident's own "yes", ticked by them after reading the words addressed
    /// to them (see <see cref="HelperSessions"/>); <c>true</c> to agree.
    /// </summary>
    public const string ResidentConsent = "resident-consent";

    /// <summary>The form page's token: antiforgery and idempotency (see <see cref="FormTokens"/>).</summary>
    public const string FormToken = "form-token";

    /// <summary>A field people never see or fill; software that fills every field does.</summary>
    public const string Honeypot = "hp-homepage";

    /// <summary>Where a take-down link carries its token.</summary>
    public const string TakedownKey = "key";

    public const int MaxCaptionLength = 2000;
    public const int MaxAltLength = 1000;
    public const int MaxCreditLength = 100;
    public const int MaxPlaceLength = 100;
    public const int MaxEmailLength = 254;

    /// <summary>The form's own name for photo <paramref name="number"/> (from 1) of a form without script: one file field each.</summary>
    public static string PhotoField(int number) => number == 1 ? Photo : $"{Photo}-{number}";

    /// <summary>The form's own name for the description of photo <paramref name="number"/> (from 1).</summary>
    public static string AltField(int number) => number == 1 ? Alt : $"{Alt}-{number}";

    /// <summary>The name a field has on the wire: every photo is a <c>photo</c> part, every description an <c>alt</c>.</summary>
    public static string WireName(string field) =>
        field.StartsWith($"{Photo}-", StringComparison.Ordinal) ? Photo
        : field.StartsWith($"{Alt}-", StringComparison.Ordinal) ? Alt
        : field;

    /// <summary>The credit shown when a resident gives no name.</summary>
    public const string Anonymous = "Anonymous";
}
