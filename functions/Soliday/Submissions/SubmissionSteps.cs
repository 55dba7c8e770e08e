using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Telemetry;

namespace Soliday.Submissions;

/// <summary>The workflow's first activity: the record says the entry is being prepared.</summary>
public sealed class SubmissionSteps(EntryStore entries, ILogger<SubmissionSteps> logger)
{
    public async Task<BeginProcessingResult> BeginProcessing(BeginProcessingRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(BeginProcessing), request.SubmissionId);
        var entry = await entries.UpdateAsync(request.SubmissionId, e =>
            e.State == EntryState.Received ? e with { State = EntryState.Processing } : e);
        return new BeginProcessingResult(entry.Photos.Count);
    }
}
