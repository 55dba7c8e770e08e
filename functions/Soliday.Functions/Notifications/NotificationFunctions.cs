using Microsoft.Azure.Functions.Worker;
using Soliday.Notifications;

namespace Soliday.Functions.Notifications;

/// <summary>The residents' email step, as an Azure Function (the orchestration calls it only for a resident who asked).</summary>
public sealed class NotificationFunctions(ResidentNotes notes)
{
    [Function(nameof(ResidentNotes.NotifyResident))]
    public Task<NotifyResidentResult> NotifyResident([ActivityTrigger] NotifyResidentRequest request) =>
        notes.NotifyResident(request);
}
