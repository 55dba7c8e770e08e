using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Workflow;

/// <summary>
/// The one place that changes an entry's <see cref="SubmissionOrchestration"/> instance
/// (<c>submission-{id}</c>): starts it with the curation times of today's settings, raises the
/// curators' decisions into it, stops and purges it for an erasure.
/// </summary>
public sealed class SubmissionWorkflows(IOptions<CurationOptions> curation) : ISubmissionWorkflows
{
    /// <summary>A termination is taken in within a second or so; far longer means the engine is unwell, and the caller can try again.</summary>
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(60);

    public Task StartAsync(DurableTaskClient durable, string submissionId, bool checkSourceBeforePublishing, bool mailResident, CancellationToken cancellationToken) =>
        durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(SubmissionOrchestration),
            new SubmissionWorkflowRequest(submissionId, curation.Value.DecisionTimeout, curation.Value.ReminderAfter, curation.Value.ChangesAfterPublication,
                CheckSourceBeforePublishing: checkSourceBeforePublishing, SourceCheckEvery: curation.Value.SourceCheckEvery,
                MailResident: mailResident, PrepareInOneStep: true, OneTimerAtATime: true),
            new StartOrchestrationOptions(EntryWorkflow.InstanceId(submissionId)),
            cancellationToken);

    public Task RaiseDecisionAsync(DurableTaskClient durable, string submissionId, CuratorDecisionEvent decision, CancellationToken cancellationToken) =>
        durable.RaiseEventAsync(EntryWorkflow.InstanceId(submissionId), nameof(CuratorDecisionEvent), decision, cancellationToken);

    public async Task StopAsync(DurableTaskClient durable, string submissionId, string output, CancellationToken cancellationToken)
    {
        var instanceId = EntryWorkflow.InstanceId(submissionId);
        var instance = await durable.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            // Best effort: if it ends by itself in between, the caller's mark on the record keeps it off the site anyway.
            await durable.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions { Output = output }, cancellationToken);
        }
    }

    public async Task PurgeAsync(DurableTaskClient durable, string submissionId, CancellationToken cancellationToken)
    {
        var instanceId = EntryWorkflow.InstanceId(submissionId);
        if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
        {
            return; // never started, or purged by an earlier erasure
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TerminationWait);
        await durable.WaitForInstanceCompletionAsync(instanceId, wait.Token);
        await durable.PurgeInstanceAsync(instanceId, cancellationToken);
    }
}
