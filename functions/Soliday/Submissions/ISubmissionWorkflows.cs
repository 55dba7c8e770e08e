using Microsoft.DurableTask.Client;
using Soliday.Entries;

namespace Soliday.Submissions;

/// <summary>
/// What the capabilities do to an entry's workflow: start it, pass it a curator's decision, stop it,
/// purge it. The workflow (Soliday.Workflow) sits above the capabilities and drives them, so they
/// reach it through this, set up by the composition. The durable client is the one the trigger was
/// given; only the workflow calls it to change an instance.
/// </summary>
public interface ISubmissionWorkflows
{
    /// <param name="checkSourceBeforePublishing">A post from another service: ask its source before publishing.</param>
    /// <param name="mailResident">The resident asked for a receipt: mail them the outcome.</param>
    Task StartAsync(DurableTaskClient durable, string submissionId, bool checkSourceBeforePublishing, bool mailResident, CancellationToken cancellationToken);

    /// <summary>Passes a curator's decision or change to the entry's workflow; a workflow not yet waiting for it keeps it in its inbox.</summary>
    Task RaiseDecisionAsync(DurableTaskClient durable, string submissionId, CuratorDecisionEvent decision, CancellationToken cancellationToken);

    /// <summary>Stops the entry's workflow if it is running or yet to start, with <paramref name="output"/> as its output; nothing if it has ended.</summary>
    Task StopAsync(DurableTaskClient durable, string submissionId, string output, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the workflow's input, history and status; nothing if there is none. Only an ended
    /// workflow can be purged, so this waits, up to a minute, for a stop to be taken in, and throws
    /// if it is not: the caller (an erasure) is safe to repeat.
    /// </summary>
    Task PurgeAsync(DurableTaskClient durable, string submissionId, CancellationToken cancellationToken);
}
