namespace Soliday.Submissions;

/// <summary>The input of <see cref="SubmissionSteps.BeginProcessing"/>, the workflow's first step.</summary>
public sealed record BeginProcessingRequest(string SubmissionId);

public sealed record BeginProcessingResult(int PhotoCount);
