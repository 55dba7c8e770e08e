using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Telemetry;
using Soliday.Timeline;

namespace Soliday.Submissions;

/// <summary>Why an entry is erased, as its record keeps it: the state it ends in, the words its sender reads, the curator who removed it.</summary>
public sealed record ErasureCause(EntryState State, string Reason, CuratorDecisionRecord? Decision = null)
{
    public static ErasureCause TakenDownBySender { get; } = new(EntryState.Withdrawn, EntryErasure.TakedownReason);

    public static ErasureCause RemovedByCurator(string curator, DateTimeOffset at, string reason) =>
        new(EntryState.Removed, reason, new CuratorDecisionRecord(curator, at, Approved: false, reason));
}

/// <summary>
/// Removes everything of an entry: from the site, from storage, from the durable engine. Used for a
/// take-down by its sender and for a curator's removal alike. What stays is a record with nothing
/// of the entry in it: that it existed, where it came from, when it arrived and was erased, and why
/// (the sender's choice, or the curator's own words). The entry's workflow is purged too: its
/// input, history and custom status hold the text, and the curation board reads them.
/// </summary>
public sealed class EntryErasure(
    BlobServiceClient blobs,
    EntryStore entries,
    PhotoHashIndex hashIndex,
    ProblemReports reports,
    WaitingIndex waiting,
    TimelinePublisher timeline,
    ISubmissionWorkflows workflows,
    TimeProvider clock,
    ILogger<EntryErasure> logger)
{
    public const string TakedownReason = "Removed at the request of the person who sent it.";

    /// <summary>The output a stopped workflow keeps until it is purged: why it stopped, nothing of the entry.</summary>
    private const string StoppedOutput = "erased";

    /// <summary>
    /// What a sender is promised: the take-down is carried out from the <c>entry-erasures</c> queue,
    /// whose trigger runs within seconds on a warm app, a minute or two on a cold one, and retries a
    /// failed try four times (each waiting at most a minute for the engine: <see cref="ISubmissionWorkflows.PurgeAsync"/>).
    /// </summary>
    public static readonly TimeSpan TakedownPromise = TimeSpan.FromMinutes(10);

    /// <summary>Asking to stop a workflow is one message to the engine; longer than this, the take-down answers without it.</summary>
    private static readonly TimeSpan QuickStopLimit = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Erases the entry; returns what is left of its record, or null if there is no such entry.
    /// Safe to repeat, and to finish one that failed halfway: the first cause stays.
    /// </summary>
    public async Task<Entry?> EraseAsync(string id, ErasureCause cause, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var step = SubmissionStep.Begin(logger, "Erase", id);
        if (await MarkAsync(id, cause, cancellationToken) is null)
        {
            return null;
        }

        await workflows.StopAsync(durable, id, StoppedOutput, cancellationToken);

        await timeline.UnpublishEntry(id);
        await blobs.DeleteAsync(StorageLayout.Renditions, StorageLayout.EntryFolder(id), cancellationToken);
        await blobs.DeleteAsync(StorageLayout.Uploads, StorageLayout.EntryFolder(id), cancellationToken);
        await blobs.DeleteAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id), cancellationToken); // a photo kept from its form's last try

        await hashIndex.EraseAsync(id, cancellationToken);
        await reports.DeleteForEntryAsync(id, cancellationToken); // what people reported about it, their words and addresses
        await workflows.PurgeAsync(durable, id, cancellationToken);

        // After the purge: an emptied record means nothing else is left (see IsFinished).
        await entries.UpdateAsync(id, Emptied, cancellationToken);

        // Last: the status page says "removed" only once nothing of the entry is left anywhere.
        var left = await entries.UpdateAsync(id, e => e with { ErasedAt = e.ErasedAt ?? clock.GetUtcNow() }, cancellationToken);
        logger.LogInformation("Submission {SubmissionId} erased: {State}", id, left.State.ToWire());
        return left;
    }

    /// <summary>
    /// The first step of an erasure, and all a take-down request does before it answers: the entry
    /// is marked erased (a publish still running checks the mark after its own writes and undoes
    /// them; a curator can no longer approve it). Keeps the first cause. Null if there is no such entry.
    /// </summary>
    public async Task<Entry?> MarkAsync(string id, ErasureCause cause, CancellationToken cancellationToken)
    {
        if (await entries.FindAsync(id, cancellationToken) is null)
        {
            return null;
        }

        var marked = await entries.UpdateAsync(id, e => e.State.IsErased() ? e : e with
        {
            State = cause.State,
            Reason = cause.Reason,
            Decision = cause.Decision ?? e.Decision,
            WithdrawnAt = clock.GetUtcNow(),
        }, cancellationToken);

        // Off the curators' board at once, after the mark: a step that writes its card later sees the mark and takes it off again.
        await waiting.RemoveAsync(marked.Id, marked.ReceivedAt, cancellationToken);
        return marked;
    }

    /// <summary>
    /// Whether nothing of the entry is left: its erasure finished, or (a record erased before
    /// <see cref="Entry.ErasedAt"/> was kept) its record was emptied, which is done only after the
    /// site, the photos, the hash index and the workflow's history.
    /// </summary>
    public static bool IsFinished(Entry entry) =>
        entry.State.IsErased() && (entry.ErasedAt is not null || (entry.Text.Length == 0 && entry.Photos.Count == 0 && entry.Credit.Length == 0));

    /// <summary>The record with nothing of the entry in it: no words, names, place, address, photos, hashes or tags.</summary>
    private static Entry Emptied(Entry entry) => entry with
    {
        Text = "",
        Credit = "",
        Place = null,
        GivenMomentAt = null,
        ContactEmail = null,
        HelpedBy = null, // the audit log keeps who helped, as it keeps who decided
        Fingerprint = null,
        Photos = [],
        SourcePost = null,
        Tags = [],
        IntakeFlags = [],
        Flags = [],
    };

    /// <summary>
    /// For a take-down's request: asks the engine to stop the entry's workflow, so it leaves the
    /// curation board now rather than when the queued erasure runs. Best effort and bounded: a cold or
    /// unwell engine must not hold up or fail the answer; the queued erasure stops it anyway.
    /// </summary>
    public async Task TryStopWorkflowAsync(string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(QuickStopLimit);
        try
        {
            await workflows.StopAsync(durable, id, StoppedOutput, limit.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Submission {SubmissionId}: its workflow could not be stopped at once; the queued erasure will", id);
        }
    }
}
