namespace Soliday.Submissions;

/// <summary>The input of the <c>submission-{id}</c> orchestration.</summary>
/// <param name="DecisionTimeout">How long to wait for a curator before the entry expires unpublished.</param>
public sealed record SubmissionWorkflowRequest(string SubmissionId, TimeSpan DecisionTimeout);

/// <summary>How the orchestration ended.</summary>
public sealed record SubmissionWorkflowResult(string SubmissionId, EntryState State, string? Reason);

public sealed record BeginProcessingRequest(string SubmissionId);

/// <summary>What the workflow needs of the record: how many photos, and what curators see of the entry.</summary>
public sealed record BeginProcessingResult(int PhotoCount, string Text, string Credit, string Source, DateTimeOffset ReceivedAt);
