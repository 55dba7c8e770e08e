using Microsoft.DurableTask.Client;

namespace Soliday.Submissions;

/// <summary>
/// Starts an entry's workflow. The workflow (Soliday.Workflow) sits above the intake and drives
/// every capability, so the intake reaches it through this, set up by the composition.
/// </summary>
public interface ISubmissionWorkflows
{
    /// <param name="checkSourceBeforePublishing">A post from another service: ask its source before publishing.</param>
    /// <param name="mailResident">The resident asked for a receipt: mail them the outcome.</param>
    Task StartAsync(DurableTaskClient durable, string submissionId, bool checkSourceBeforePublishing, bool mailResident, CancellationToken cancellationToken);
}
