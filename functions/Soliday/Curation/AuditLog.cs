using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;

namespace Soliday.Curation;

/// <summary>One line of the audit log: who did what to which entry, and when.</summary>
public sealed record AuditRecord(DateTimeOffset At, string Curator, string Action, string SubmissionId, string? Reason);

/// <summary>Every curator action, appended as it is taken: the trail that shows nothing was published behind anyone's back.</summary>
public sealed class AuditLog(BlobServiceClient blobs)
{
    public Task RecordAsync(string submissionId, CuratorDecisionEvent decision, CancellationToken cancellationToken = default) =>
        blobs.GetBlobContainerClient(StorageLayout.Curation)
            .GetAppendBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(decision.DecidedAt.UtcDateTime)))
            .AppendLineAsync(SolidayJson.Serialize(new AuditRecord(decision.DecidedAt, decision.Curator, decision.Action.ToString().ToLowerInvariant(), submissionId, decision.Reason)).ToString(), cancellationToken);
}
