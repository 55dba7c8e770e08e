using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>
/// A report's reason as the person reporting reads it, in the site's language: on the form and on the
/// thank-you page. Curators' pages and emails keep <see cref="ReportReasons.WordsFor"/>, in English.
/// </summary>
public static class ReportReasonWords
{
    public static string For(SiteWords words, string code) => code switch
    {
        ReportReasons.InPhotoWithoutConsent => words["report.reason.inPhotoWithoutConsent"],
        ReportReasons.Private => words["report.reason.private"],
        ReportReasons.Hurtful => words["report.reason.hurtful"],
        ReportReasons.Other => words["report.reason.other"],
        _ => code,
    };
}
