using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>One open report as curators read it: the report, and the entry it is about (its public address and the start of its words).</summary>
public sealed record OpenReport(ProblemReport Report, string EntryPageUrl, string EntryCaption);

/// <summary>The curators' reports page: every open report, the urgent ones first.</summary>
public sealed record CurationReportsView(Curator Curator, IReadOnlyList<OpenReport> Reports, string FormToken, string? Notice, TimeZoneInfo Zone)
{
    /// <summary>The <c>return</c> of the reports page's removal form: the curator comes back here, not to the board.</summary>
    public const string ReturnHere = "reports";

    /// <summary>The notice after an entry was removed from this page.</summary>
    public const string Removed = "removed";

    /// <summary>Notices are codes mapped to fixed words, so a crafted link cannot make the page say anything else.</summary>
    public static string? NoticeFor(string? code) => code switch
    {
        "dismissed" => "The report was dismissed and deleted.",
        Removed => "The entry was removed for good, with every report about it.",
        "gone" => "That report was already dealt with.",
        "reload" => "This page was open too long; it has been reloaded. Please try again.",
        _ => null,
    };
}
