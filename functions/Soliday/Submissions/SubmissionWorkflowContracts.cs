namespace Soliday.Submissions;

/// <summary>The input of the <c>submission-{id}</c> orchestration.</summary>
/// <param name="DecisionTimeout">How long to wait for a curator before the entry expires unpublished.</param>
public sealed record SubmissionWorkflowRequest(string SubmissionId, TimeSpan DecisionTimeout);

/// <summary>How the orchestration ended.</summary>
public sealed record SubmissionWorkflowResult(string SubmissionId, EntryState State, string? Reason);

public sealed record BeginProcessingRequest(string SubmissionId);

public sealed record BeginProcessingResult(int PhotoCount);
