using Microsoft.Azure.Functions.Worker;
using Soliday.Notifications;

namespace Soliday.Functions.Notifications;

/// <summary>Curators' email as Azure Functions: the reminders and the digest (a resident's email is a step of the workflow: WorkflowFunctions).</summary>
public sealed class NotificationFunctions(CuratorReminderMail reminders, CuratorDigest digest)
{
    /// <summary>The <c>curator-reminders</c> queue's reader; off where no curator address is set (the Bicep and the local host switch it).</summary>
    [Function(CuratorReminderMail.FunctionName)]
    public Task EmailCuratorReminder(
        [QueueTrigger(CuratorReminderMail.QueueName)] string message,
        CancellationToken cancellationToken) =>
        reminders.SendAsync(message, cancellationToken);

    /// <summary>The curators' digest; off where no curator address is set (the Bicep and the local host switch it).</summary>
    [Function(CuratorDigest.FunctionName)]
    public Task EmailCuratorDigest([TimerTrigger(CuratorDigest.Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.SendAsync(cancellationToken);
}
