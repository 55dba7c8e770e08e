using Microsoft.Azure.Functions.Worker;
using Soliday.Notifications;

namespace Soliday.Functions.Notifications;

/// <summary>Email as Azure Functions: the residents' step (called only for a resident who asked) and the curators' reminders.</summary>
public sealed class NotificationFunctions(ResidentNotes notes, CuratorReminderMail reminders)
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
}
