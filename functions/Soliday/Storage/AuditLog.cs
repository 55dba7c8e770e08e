using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Soliday.Entries;

namespace Soliday.Storage;

/// <summary>One line of the audit log: who did what to which entry, and when (for <see cref="AuditLog.SentWithHelp"/>, who is the volunteer).</summary>
public sealed record AuditRecord(DateTimeOffset At, string Curator, string Action, string SubmissionId, string? Reason);

/// <summary>
/// Every curator action, appended as it is taken: the trail that shows nothing was published behind
/// anyone's back; and each entry a volunteer helped a resident send, under the volunteer's name. In
/// Storage, below both: the intake (Submissions) and the curators (Curation) write to it.
/// </summary>
/// <remarks>Written before the action is passed on: no action is taken that the log does not show.</remarks>
public sealed class AuditLog(BlobServiceClient blobs)
{
    /// <summary>The suffix of an action recorded, then not passed on (the engine could not be reached).</summary>
    public const string NotDelivered = "-not-delivered";

    public Task RecordAsync(string submissionId, CuratorDecisionEvent decision, CancellationToken cancellationToken = default) =>
        AppendAsync(submissionId, decision, decision.Action.ToString().ToLowerInvariant(), cancellationToken);

    /// <summary>The action of the line <see cref="RecordSentWithHelpAsync"/> writes; its <see cref="AuditRecord.Curator"/> is the volunteer.</summary>
    public const string SentWithHelp = "sent-with-help";

    /// <summary>
    /// An entry sent in volunteer mode: who helped (their configured name, never their code), written
    /// when the entry is taken in, before its workflow starts.
    /// </summary>
    public Task RecordSentWithHelpAsync(string submissionId, string helper, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        AppendAsync(new AuditRecord(sentAt, helper, SentWithHelp, submissionId, null), cancellationToken);

    /// <summary>A second line for an action recorded but then not passed on.</summary>
    public Task RecordNotDeliveredAsync(string submissionId, CuratorDecisionEvent decision, CancellationToken cancellationToken = default) =>
        AppendAsync(submissionId, decision, decision.Action.ToString().ToLowerInvariant() + NotDelivered, cancellationToken);

    /// <summary>The action of a report dismissed: its line names the report and why it was made, never what its sender wrote.</summary>
    public const string DismissReport = "dismiss-report";

    public Task RecordReportDismissedAsync(string submissionId, string curator, DateTimeOffset at, string reportId, string reportReason, CancellationToken cancellationToken = default) =>
        AppendAsync(new AuditRecord(at, curator, DismissReport, submissionId, $"report {reportId} ({reportReason})"), cancellationToken);

    private Task AppendAsync(string submissionId, CuratorDecisionEvent decision, string action, CancellationToken cancellationToken) =>
        AppendAsync(new AuditRecord(decision.DecidedAt, decision.Curator, action, submissionId, decision.Reason), cancellationToken);

    private Task AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        blobs.GetBlobContainerClient(StorageLayout.Curation)
            .GetAppendBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(record.At.UtcDateTime)))
            .AppendLineAsync(SolidayJson.Serialize(record).ToString(), cancellationToken);
}
