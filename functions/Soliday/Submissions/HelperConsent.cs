using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>
/// What volunteer mode adds to reading the form: the resident's own "yes" (<see cref="SubmissionFormFields.ResidentConsent"/>)
/// is needed, and a draft that has it carries the helper's name. A form filled in volunteer mode that
/// arrives after the mode ended (it expired, or the code was taken off the list) goes back with the
/// photos kept, rather than leaving as the resident's own with nobody's help recorded.
/// </summary>
public static class HelperConsent
{
    public const string MissingCode = "resident-consent";
    public const string EndedCode = "helper-mode-ended";

    public static SubmissionFormResult Check(SubmissionFormResult read, Helper? helper, SiteWords words)
    {
        if (helper is null)
        {
            return read.Values.ResidentConsent ? Refused(read, "form", words["helper.error.ended"], EndedCode, words) : read;
        }

        if (!read.Values.ResidentConsent)
        {
            return Refused(read, SubmissionFormFields.ResidentConsent, words["helper.error.consentMissing"], MissingCode, words);
        }

        return read.Draft is { } draft ? read with { Draft = draft with { HelpedBy = helper.Name } } : read;
    }

    /// <summary>The read sent back with one more error, beside any it had; its kept photos stay kept.</summary>
    private static SubmissionFormResult Refused(SubmissionFormResult read, string field, string message, string code, SiteWords words)
    {
        var errors = new Dictionary<string, string>(read.Failure?.FieldErrors ?? new Dictionary<string, string>()) { [field] = message };
        var failure = read.Failure is { } earlier
            ? earlier with { FieldErrors = errors }
            : new SubmissionFailure(400, words["form.error.title"], errors, code);
        return read with { Draft = null, Failure = failure };
    }
}
