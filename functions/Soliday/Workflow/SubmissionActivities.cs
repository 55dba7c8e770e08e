using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Submissions;
using Soliday.Telemetry;

namespace Soliday.Workflow;

/// <summary>The input of <see cref="SubmissionActivities.BeginProcessing"/>, the workflow's first step.</summary>
public sealed record BeginProcessingRequest(string SubmissionId);

public sealed record BeginProcessingResult(int PhotoCount);

/// <param name="State">The state the entry ends in: removed (a workflow's decision) or withdrawn (its sender's take-down).</param>
public sealed record RequestErasureRequest(string SubmissionId, string Reason, EntryState State = EntryState.Removed);

public sealed record RequestErasureResult(string SubmissionId);

/// <summary>The workflow's steps that the intake (Submissions) carries out: begin preparing the entry, and ask for its erasure.</summary>
public sealed class SubmissionActivities(SubmissionSteps steps, ErasureRequests erasures, WorkflowReasons reasons, ILogger<SubmissionActivities> logger)
{
    public async Task<BeginProcessingResult> BeginProcessing(BeginProcessingRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(BeginProcessing), request.SubmissionId);
        var begun = await steps.BeginProcessingAsync(request.SubmissionId);
        return new BeginProcessingResult(begun.Entry.Photos.Count);
    }

    /// <summary>A workflow cannot purge its own instance: it queues its entry's erasure, and ends.</summary>
    public async Task<RequestErasureResult> RequestErasure(RequestErasureRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(RequestErasure), request.SubmissionId);
        await erasures.RequestAsync(request.SubmissionId, new ErasureCause(request.State, reasons.Say(request.Reason)), CancellationToken.None);
        return new RequestErasureResult(request.SubmissionId);
    }
}
