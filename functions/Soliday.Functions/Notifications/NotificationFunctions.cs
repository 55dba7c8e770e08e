using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Soliday.Notifications;

namespace Soliday.Functions.Notifications;

/// <summary>Email as Azure Functions: the residents' step (called only for a resident who asked), the curators' reminders and digest.</summary>
public sealed class NotificationFunctions(ResidentNotes notes, CuratorReminderMail reminders, CuratorDigest digest)
{
    [Function(nameof(ResidentNotes.NotifyResident))]
    public Task<NotifyResidentResult> NotifyResident([ActivityTrigger] NotifyResidentRequest request) =>
        notes.NotifyResident(request);

    /// <summary>The <c>curator-reminders</c> queue's reader; off where no curator address is set (the Bicep and the local host switch it).</summary>
    [Function(CuratorReminderMail.FunctionName)]
    public Task EmailCuratorReminder(
        [QueueTrigger(CuratorReminderMail.QueueName)] string message,
        CancellationToken cancellationToken) =>
        reminders.SendAsync(message, cancellationToken);

    /// <summary>The curators' digest; off where no curator address is set (the Bicep and the local host switch it).</summary>
    [Function(CuratorDigest.FunctionName)]
    public Task EmailCuratorDigest(
        [TimerTrigger(CuratorDigest.Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        digest.SendAsync(durable, cancellationToken);
}
