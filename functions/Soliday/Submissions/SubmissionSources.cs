namespace Soliday.Submissions;

/// <summary>Where an entry came from; shown to curators and used as a tag.</summary>
public static class SubmissionSources
{
    public const string Form = "form";
}
