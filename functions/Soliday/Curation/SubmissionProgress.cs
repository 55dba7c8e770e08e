namespace Soliday.Curation;

/// <summary>
/// The custom status of a <c>submission-{id}</c> orchestration: the entry's state and, once it is
/// prepared, the summary the curation page shows. Whatever a curator changes is changed here too.
/// </summary>
public sealed record SubmissionProgress(string State, CurationSummary? Curation = null);
