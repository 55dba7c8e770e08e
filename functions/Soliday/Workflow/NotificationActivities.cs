using Soliday.Notifications;

namespace Soliday.Workflow;

public sealed record NotifyResidentRequest(string SubmissionId, ResidentNote Note);

/// <summary>Whether an email went; false when it was not wanted, already sent, or had no address left to go to.</summary>
public sealed record NotifyResidentResult(bool Sent);

/// <summary>The workflow's mail step, called only for a resident who asked for a receipt (<see cref="ResidentNotes"/>).</summary>
public sealed class NotificationActivities(ResidentNotes notes)
{
    public async Task<NotifyResidentResult> NotifyResident(NotifyResidentRequest request) =>
        new(await notes.SendAsync(request.SubmissionId, request.Note));
}
