using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Workflow;

/// <summary>Starts <see cref="SubmissionOrchestration"/> for an entry, with the curation times of today's settings.</summary>
public sealed class SubmissionWorkflowStarter(IOptions<CurationOptions> curation) : ISubmissionWorkflows
{
    public Task StartAsync(DurableTaskClient durable, string submissionId, bool checkSourceBeforePublishing, bool mailResident, CancellationToken cancellationToken) =>
        durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(SubmissionOrchestration),
            new SubmissionWorkflowRequest(submissionId, curation.Value.DecisionTimeout, curation.Value.ReminderAfter, curation.Value.ChangesAfterPublication,
                CheckSourceBeforePublishing: checkSourceBeforePublishing, SourceCheckEvery: curation.Value.SourceCheckEvery,
                MailResident: mailResident),
            new StartOrchestrationOptions(EntryWorkflow.InstanceId(submissionId)),
            cancellationToken);
}
