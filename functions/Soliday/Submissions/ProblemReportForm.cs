using Microsoft.AspNetCore.Http;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>What the report form holds, as sent: shown again beside the errors when something needs fixing.</summary>
public sealed record ProblemReportValues(string Reason, string Words, string Email, string? FormToken)
{
    public static ProblemReportValues Empty { get; } = new("", "", "", null);
}

/// <summary>The report form's fields, their bounds, and the checks made on what is sent.</summary>
public static class ProblemReportForm
{
    public const string Reason = "reason";
    public const string Words = "words";
    public const string Email = "email";
    public const string FormToken = SubmissionFormFields.FormToken;

    /// <summary>Room to say what is wrong and where in the photo; a report is read by a person, not a letter.</summary>
    public const int MaxWordsLength = 2000;

    /// <summary>The longest address SMTP allows.</summary>
    public const int MaxEmailLength = SubmissionFormFields.MaxEmailLength;

    /// <summary>
    /// The most a report's post may be: its words at four bytes a character (UTF-8) and escaped, the
    /// address and the token, with room to spare. Anything larger is not a report from this form.
    /// </summary>
    public const long MaxBodyBytes = 32 * 1024;

    public static ProblemReportValues Read(IFormCollection form) => new(
        Text(form[Reason]),
        Text(form[Words]),
        Text(form[Email]),
        form[FormToken].ToString() is { Length: > 0 } token ? token : null);

    /// <summary>What to fix, by field, in words a resident understands; empty when the report can be kept.</summary>
    public static IReadOnlyDictionary<string, string> Check(ProblemReportValues values, SiteWords words)
    {
        var errors = new Dictionary<string, string>();
        if (!ReportReasons.IsKnown(values.Reason))
        {
            errors[Reason] = words["report.error.reason"];
        }

        if (values.Words.Length > MaxWordsLength)
        {
            // As digits alone ("2000", not "2,000"), as the form's hint and the browser's counter write them.
            errors[Words] = words.Say("report.error.wordsTooLong", ("max", MaxWordsLength.ToString(words.Culture)), ("count", values.Words.Length.ToString(words.Culture)));
        }
        else if (values.Reason == ReportReasons.Other && values.Words.Length == 0)
        {
            errors[Words] = words["report.error.wordsMissing"];
        }

        if (values.Email.Length > 0 && !LooksLikeEmail(values.Email))
        {
            errors[Email] = words["report.error.email"];
        }

        return errors;
    }

    /// <summary>Trimmed, with a line break as one character, as the browser counted it against <c>maxlength</c>.</summary>
    private static string Text(string? value) => (value ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>One @ with something either side and a dot after it: enough to catch a slip, without refusing real addresses.</summary>
    private static bool LooksLikeEmail(string email) =>
        email.Length <= MaxEmailLength
        && email.IndexOf('@') is var at and > 0
        && at == email.LastIndexOf('@')
        && email.IndexOf('.', at) is var dot and > 0
        && dot > at + 1 && dot < email.Length - 1
        && !email.Any(char.IsWhiteSpace);
}
