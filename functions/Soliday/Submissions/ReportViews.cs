using Soliday.Entries;
using Soliday.Pages;
using Soliday.Timeline;

namespace Soliday.Submissions;

/// <summary>
/// The entry a report is about, as the report form shows it: enough (its photo, the start of its
/// words, its credit) for the person to know they are reporting the right one.
/// </summary>
public sealed record ReportedEntry(string Id, string Caption, string Credit, string? ThumbnailUrl, string ThumbnailAlt, string EntryPageUrl)
{
    /// <summary>Enough of the words to know the entry by.</summary>
    private const int QuotedCharacters = 200;

    public static ReportedEntry From(Entry entry, SiteAddress address)
    {
        var photo = entry.Photos.FirstOrDefault();
        var thumbnail = photo is null ? null : SubmissionPhotoEndpoint.Thumbnail(photo);
        return new ReportedEntry(
            entry.Id,
            Display.Short(entry.Text, QuotedCharacters),
            entry.Credit,
            photo is not null && thumbnail is not null ? SubmissionPhotoEndpoint.UrlOf(entry.Id, thumbnail, key: null) : null,
            photo?.Alt ?? "",
            address.EntryPage(entry.Id));
    }
}

/// <summary>The report form: empty, or sent back with what to fix.</summary>
public sealed record ReportFormView(ReportedEntry Entry, ProblemReportValues Values, IReadOnlyDictionary<string, string> Errors, SiteOptions Site)
{
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>The page after a report is kept: what happens next.</summary>
public sealed record ReportThanksView(ReportedEntry Entry, string Reason, bool ReplyExpected, SiteOptions Site);
