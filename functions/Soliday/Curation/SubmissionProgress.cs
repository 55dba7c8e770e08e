namespace Soliday.Curation;

/// <summary>
/// The custom status of a <c>submission-{id}</c> orchestration: its state, and while it waits for a
/// curator, the summary the curation queue shows.
/// </summary>
public sealed record SubmissionProgress(string State, CurationSummary? Curation = null);
