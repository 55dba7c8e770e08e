using Microsoft.DurableTask.Client;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>
/// The entries waiting for a curator, read from the durable engine: an orchestration that is waiting
/// is the single source of truth for "awaiting curation", so the queue cannot disagree with it.
/// </summary>
public sealed class CurationQueue
{
    private const int PageSize = 100;

    public async Task<IReadOnlyList<CurationSummary>> ListAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = SubmissionOrchestration.InstanceIdPrefix,
            Statuses = [OrchestrationRuntimeStatus.Running],
            FetchInputsAndOutputs = true,
            PageSize = PageSize,
        };

        var waiting = new List<CurationSummary>();
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            if (instance.ReadCustomStatusAs<SubmissionProgress>() is { Curation: { } summary } progress
                && progress.State == EntryState.AwaitingCuration.ToWire())
            {
                waiting.Add(summary);
            }
        }

        return [.. waiting.OrderBy(s => s.MomentAt).ThenBy(s => s.SubmissionId, StringComparer.Ordinal)];
    }
}
