namespace Soliday.Submissions;

/// <summary>
/// A problem someone reported with a published entry, kept privately for curators until one of them
/// dismisses it or removes the entry. <paramref name="Words"/> and <paramref name="ReplyEmail"/> are
/// personal data: never logged, never published, deleted with the report.
/// </summary>
public sealed record ProblemReport(string Id, string EntryId, string Reason, string Words, string? ReplyEmail, DateTimeOffset ReportedAt)
{
    public bool IsUrgent => Reason == ReportReasons.InPhotoWithoutConsent;
}

/// <summary>Why someone reports an entry: a code kept with the report, and the plain words the form and curators read.</summary>
public static class ReportReasons
{
    /// <summary>The one that matters most: a person shown without having agreed. Curators see these first.</summary>
    public const string InPhotoWithoutConsent = "in-photo-without-consent";
    public const string Private = "private";
    public const string Hurtful = "hurtful";
    public const string Other = "other";

    /// <summary>In the order the form offers them.</summary>
    public static IReadOnlyList<(string Code, string Words)> All { get; } =
    [
        (InPhotoWithoutConsent, "I am in this photo and did not agree"),
        (Private, "It shows something private"),
        (Hurtful, "It is hurtful or unsafe"),
        (Other, "Something else"),
    ];

    public static bool IsKnown(string code) => All.Any(r => r.Code == code);

    public static string WordsFor(string code) => All.FirstOrDefault(r => r.Code == code).Words ?? code;
}
