using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Telemetry;

namespace Soliday.Submissions;

/// <summary>
/// Stores a checked draft (originals, then the record) and starts its workflow. If the workflow
/// cannot be started, what was stored is removed again: a failed request leaves nothing behind.
/// </summary>
public sealed class SubmissionIntake(
    BlobServiceClient blobs,
    EntryStore entries,
    ISubmissionWorkflows workflows,
    AuditLog audit,
    TimeProvider clock,
    ILogger<SubmissionIntake> logger)
{
    /// <summary>
    /// Stores the draft as entry <paramref name="id"/> and starts its workflow. The id may repeat (a
    /// double-click sends the same form token): then the entry already stored is returned, unchanged,
    /// and the caller compares its <see cref="Entry.Fingerprint"/> with <paramref name="fingerprint"/>
    /// (null for a post from elsewhere: its id already names the post, so a repeat is the same post).
    /// </summary>
    public async Task<Entry> AcceptAsync(SubmissionDraft draft, string? fingerprint, string id, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var step = SubmissionStep.Begin(logger, "AcceptSubmission", id);
        var uploads = blobs.GetBlobContainerClient(StorageLayout.Uploads);
        var entry = new Entry
        {
            Id = id,
            State = EntryState.Received,
            Text = draft.Text,
            Photos = draft.Photos.Select((p, i) => new EntryPhoto { Index = i, Alt = p.Alt, ContentType = p.ContentType }).ToList(),
            Credit = draft.Credit,
            Licence = draft.Licence.Id,
            Place = draft.Place,
            GivenMomentAt = draft.GivenMomentAt,
            ContactEmail = draft.ContactEmail,
            ResidentMail = draft.WantsReceipt && draft.ContactEmail is not null ? new ResidentMailRecord() : null,
            Source = draft.Source,
            ReceivedAt = clock.GetUtcNow(),
            SourcePost = draft.SourcePost,
            IntakeFlags = draft.IntakeFlags ?? [],
            Fingerprint = fingerprint,
            HelpedBy = draft.HelpedBy,
        };

        try
        {
            for (var i = 0; i < draft.Photos.Count; i++)
            {
                await uploads.GetBlobClient(StorageLayout.Original(id, i))
                    .CreateOnceAsync(draft.Photos[i].Content, BlobWrites.Headers(draft.Photos[i].ContentType), cancellationToken);
            }

            if (!await entries.CreateAsync(entry, cancellationToken))
            {
                // The same id sent twice at once: the first one stored the record and starts the work.
                return await entries.GetAsync(id, cancellationToken);
            }

            if (entry.HelpedBy is { } helper)
            {
                // Before the workflow starts: an entry sent with help is never on its way without the line that says so.
                await audit.RecordSentWithHelpAsync(id, helper, entry.ReceivedAt, cancellationToken);
            }

            await workflows.StartAsync(durable, id, checkSourceBeforePublishing: draft.SourcePost is not null, mailResident: entry.ResidentMail is not null, cancellationToken);
        }
        catch (Exception e)
        {
            if (await StartedAnywayAsync(durable, id))
            {
                // The start timed out on its way back but did happen: the entry is on its way.
                logger.LogWarning(e, "Submission {SubmissionId} started although the request to start it failed", id);
                return entry;
            }

            logger.LogError(e, "Submission {SubmissionId} could not be started; removing what was stored", id);
            await RemoveAsync(id, draft.Photos.Count);
            throw;
        }

        SolidayTelemetry.SubmissionsAccepted.Add(1);
        logger.LogInformation("Submission {SubmissionId} received with {PhotoCount} photo(s)", id, draft.Photos.Count);
        return entry;
    }

    private static async Task<bool> StartedAnywayAsync(DurableTaskClient durable, string id)
    {
        try
        {
            return await durable.GetInstanceAsync(EntryWorkflow.InstanceId(id), CancellationToken.None) is not null;
        }
        catch (Exception)
        {
            return false; // the engine cannot even be asked: treat the start as not made
        }
    }

    private async Task RemoveAsync(string id, int photoCount)
    {
        // Not the request's token: the clean-up must run even when the request was cancelled.
        var uploads = blobs.GetBlobContainerClient(StorageLayout.Uploads);
        for (var i = 0; i < photoCount; i++)
        {
            await uploads.GetBlobClient(StorageLayout.Original(id, i)).DeleteIfExistsAsync();
        }

        await entries.DeleteAsync(id);
    }
}
