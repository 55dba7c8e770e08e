using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Tagging;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// A reminder on the <c>curator-reminders</c> queue, for whatever tells curators (email, Teams, a
/// dashboard). No text of the entry: a take-down does not reach queued messages, which live 7 days.
/// </summary>
public sealed record CuratorReminder(string SubmissionId, DateTimeOffset WaitingSince, string StatusUrl);

/// <summary>What the workflow does around curation: offer the entry, apply a curator's changes, remind, discard.</summary>
public sealed class CurationSteps(
    BlobServiceClient blobs,
    QueueServiceClient queues,
    EntryStore entries,
    EntryTagger tagger,
    EntryFlagger flagger,
    PhotoHashIndex hashIndex,
    WaitingBoard board,
    ILogger<CurationSteps> logger)
{
    public const string RemindersQueue = "curator-reminders";

    /// <summary>
    /// Records the photos' facts, tags and flags the entry, and puts it in the curators' hands.
    /// Returns what the curation page shows of it; null when it was taken down before or while this
    /// ran: then it is not offered, and its hashes are cut out of the index.
    /// </summary>
    public async Task<CurationSummary?> OfferAsync(string submissionId, IReadOnlyList<PreparedPhoto> preparedPhotos) =>
        await OfferAsync(await entries.GetStoredAsync(submissionId), preparedPhotos);

    /// <summary>
    /// The same from the record as the step wrote it when it began, with no read: until the entry is
    /// offered nobody else changes its record but a take-down, and the offer's update is written only
    /// if the record is still that version, so a take-down makes it read the record again.
    /// </summary>
    public async Task<CurationSummary?> OfferAsync(StoredEntry begun, IReadOnlyList<PreparedPhoto> preparedPhotos)
    {
        var current = begun.Entry;
        var prepared = preparedPhotos.ToDictionary(p => p.PhotoIndex);
        var submissionId = current.Id;
        if (current.State.IsErased())
        {
            return await NotOfferedAsync(current.Id); // an earlier delivery of this step may have added its hashes
        }

        var photos = current.Photos.Select(p => prepared.TryGetValue(p.Index, out var r) ? p with { Facts = r.Facts, Renditions = r.Renditions } : p).ToList();
        var offered = current with { Text = Entry.TextOrPhotoDescription(current.Text, photos.Select(p => p.Facts)), Photos = photos };
        var otherPhotos = await hashIndex.ReadAsync();
        offered = offered with { Tags = tagger.Tags(offered), Flags = flagger.Flags(offered, otherPhotos) };

        // The hashes go in before the record changes: the record's new state is the last thing
        // written, so once a resident sees "waiting for a curator" this step has nothing left to do.
        await hashIndex.AddAsync(photos
            .Where(p => p.Facts is not null)
            .Select(p => new PhotoHashes(offered.Id, p.Index, p.Facts!.Sha256, p.Facts.PerceptualHash)));

        // Only forward: a redelivered activity must not put a decided entry back in the queue.
        var entry = (await entries.UpdateFromAsync(submissionId, begun, e => e.State is EntryState.Received or EntryState.Processing
            ? offered with { State = EntryState.AwaitingCuration, Featured = e.Featured }
            : e)).Entry;
        if (entry.State.IsErased())
        {
            return await NotOfferedAsync(entry.Id); // taken down while this ran
        }

        var summary = CurationSummary.From(entry);
        if (entry.State == EntryState.AwaitingCuration && !await ShowWhileWaitingAsync(entry, summary))
        {
            return await NotOfferedAsync(entry.Id); // taken down while its card was written
        }

        return summary;
    }

    /// <summary>
    /// Puts the entry's card on the board, then looks again: an erasure marks the record before it
    /// takes the card off, so a card written after that is taken off here. False when it was erased.
    /// </summary>
    private async Task<bool> ShowWhileWaitingAsync(Entry entry, CurationSummary summary)
    {
        await board.ShowAsync(summary);
        if ((await entries.FindAsync(entry.Id))?.State is { } state && !state.IsErased())
        {
            return true;
        }

        await board.RemoveAsync(entry);
        return false;
    }

    /// <summary>An erased entry: its hashes are cut out of the index again (this step may have added them after the erasure did).</summary>
    private async Task<CurationSummary?> NotOfferedAsync(string id)
    {
        await hashIndex.EraseAsync(id);
        return null;
    }

    /// <summary>
    /// A curator's edit, or featuring, applied to the record. An edit recomputes the flags: a
    /// description a curator has improved is no longer flagged as weak. Returns the summary as it now stands.
    /// </summary>
    public async Task<CurationSummary> ApplyChangeAsync(string submissionId, CuratorDecisionEvent change)
    {
        var otherPhotos = change.Action == CurationAction.Edit ? await hashIndex.ReadAsync() : [];
        var entry = await entries.UpdateAsync(submissionId, e => e.State.IsErased() ? e : change.Action switch
        {
            CurationAction.Feature => e with { Featured = true },
            CurationAction.Unfeature => e with { Featured = false },
            CurationAction.Edit when change.Edit is { } edit => Reflagged(Edited(e, edit), otherPhotos),
            _ => e,
        });

        logger.LogInformation("Submission {SubmissionId}: {Action} by {Curator}", entry.Id, change.Action, change.Curator);
        var summary = CurationSummary.From(entry);
        if (entry.State == EntryState.AwaitingCuration)
        {
            // The overdue flag is the workflow's, not the record's: the card keeps it through an edit.
            var wasOverdue = (await board.FindAsync(entry))?.Flags.Any(f => f.Code == FlagCodes.Overdue) == true;
            await ShowWhileWaitingAsync(entry, wasOverdue ? summary.Overdue() : summary);
        }

        return summary;
    }

    private Entry Reflagged(Entry entry, IReadOnlyList<PhotoHashes> otherPhotos) => entry with { Flags = flagger.Flags(entry, otherPhotos) };

    /// <summary>Puts a reminder on the <c>curator-reminders</c> queue: the entry has waited too long.</summary>
    public async Task RemindAsync(string submissionId, DateTimeOffset waitingSince)
    {
        var queue = queues.GetQueueClient(RemindersQueue);
        await queue.CreateIfNotExistsAsync();
        var reminder = new CuratorReminder(submissionId, waitingSince, Routes.SubmissionStatusUrl(submissionId));
        await queue.SendMessageAsync(SolidayJson.Serialize(reminder));
        logger.LogInformation("Submission {SubmissionId} is overdue: curators reminded", submissionId);

        if (await entries.FindAsync(submissionId) is { State: EntryState.AwaitingCuration } entry)
        {
            await ShowWhileWaitingAsync(entry, CurationSummary.From(entry).Overdue()); // listed, and filterable, as overdue
        }
    }

    /// <summary>
    /// Removes the entry's renditions and its originals (which hold the photo's GPS and serve no
    /// purpose once it will not be published); keeps the record and the reason. Called once the
    /// entry is off the site (the workflow's <c>DiscardEntry</c> step takes it off first).
    /// </summary>
    public async Task DiscardAsync(string id, EntryState state, string reason, CuratorDecisionEvent? decision)
    {
        await blobs.DeleteAsync(StorageLayout.Renditions, StorageLayout.EntryFolder(id));
        await blobs.DeleteAsync(StorageLayout.Uploads, StorageLayout.EntryFolder(id));
        await blobs.DeleteAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id)); // a copy kept from its form's last try

        var ended = await entries.UpdateAsync(id, e => e.State.IsErased() ? e : e with
        {
            State = state,
            Reason = reason,
            Decision = decision is { } d ? CuratorDecisionRecord.From(d) : e.Decision,
            Photos = e.Photos.Select(p => p with { Renditions = [] }).ToList(),
        });

        await board.RemoveAsync(ended);
        logger.LogInformation("Submission {SubmissionId} ended {State}: {Reason}", id, state.ToWire(), reason);
    }

    private Entry Edited(Entry entry, EntryEdit edit)
    {
        var edited = entry with
        {
            Text = edit.Text ?? entry.Text,
            Credit = edit.Credit ?? entry.Credit,
            Photos = edit.Alts is { } alts
                ? entry.Photos.Select(p => p.Index < alts.Count && alts[p.Index] is { Length: > 0 } alt ? p with { Alt = alt } : p).ToList()
                : entry.Photos,
            Tags = edit.Tags is { } tags ? [.. tags.Select(EntryTag.Parse).OfType<EntryTag>().Distinct()] : entry.Tags,
            GivenMomentAt = edit.Moment is { } moment ? moment.GivenAt : entry.GivenMomentAt,
        };

        // A new time moves the entry to another hour: its hour and part of the day follow it.
        return edited.MomentAt == entry.MomentAt ? edited : edited with
        {
            Tags = [.. edited.Tags.Where(t => t.Kind is not (EntryTagger.HourKind or EntryTagger.PeriodKind)), .. tagger.TimeTags(edited.MomentAt)],
        };
    }
}
