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

    public const int MaxCaptionLength = 2000;
    public const int MaxAltLength = 1000;
    public const int MaxCreditLength = 100;

    /// <summary>The credit shown when a resident gives no name.</summary>
    public const string Anonymous = "Anonymous";
}
