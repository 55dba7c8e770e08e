using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Telemetry;

namespace Soliday.Imaging;

/// <summary>The facts and renditions of one photo, or why it could not be prepared; neither when its entry was taken down.</summary>
public sealed record PreparedPhoto(int PhotoIndex, PhotoFacts? Facts, IReadOnlyList<Rendition> Renditions, PhotoRefusal? Refusal);

/// <summary>
/// What the workflow's <c>PreparePhoto</c> step does: one per photo of an entry, run in parallel.
/// One activity makes all of a photo's renditions from a single decode; a decode per rendition
/// would cost the decode six times over (see docs/benchmarks.md).
/// A take-down terminates the workflow but cannot stop this step once it runs, so the step looks
/// for the take-down itself, before it starts and after it writes, and removes what it wrote.
/// </summary>
public sealed class PhotoPreparation(BlobServiceClient blobs, EntryStore entries, PhotoProcessor processor, ILogger<PhotoPreparation> logger)
{
    public async Task<PreparedPhoto> PrepareAsync(string id, int index) =>
        await IsErasedAsync(id) ? NotPrepared(index) : await PrepareStandingAsync(id, index);

    /// <summary>
    /// The same inside the one step that prepares and offers an entry, which reads the record before
    /// and after: the record it has just read stands for the look before the start, and the offer's
    /// update, which reads the record after every photo is written, for the look after. When that
    /// finds the entry taken down, the step removes what was written (<see cref="RemoveAsync"/>).
    /// So a photo costs no read of the record of its own.
    /// </summary>
    public Task<PreparedPhoto> PrepareBeforeOfferAsync(Entry entry, int index) =>
        entry.State.IsErased() ? Task.FromResult(NotPrepared(index)) : RenderAsync(entry.Id, index);

    /// <summary>Removes the renditions these photos wrote: their entry was taken down while they were prepared.</summary>
    public async Task RemoveAsync(IEnumerable<PreparedPhoto> photos)
    {
        var renditions = blobs.GetBlobContainerClient(StorageLayout.Renditions);
        foreach (var rendition in photos.SelectMany(photo => photo.Renditions))
        {
            await renditions.GetBlobClient(rendition.BlobName).DeleteIfExistsAsync();
        }
    }

    /// <summary>Its sender took it down: nothing to prepare.</summary>
    private static PreparedPhoto NotPrepared(int index) => new(index, null, [], null);

    private async Task<PreparedPhoto> PrepareStandingAsync(string id, int index)
    {
        var prepared = await RenderAsync(id, index);

        // The take-down marks the record before it deletes renditions: a write that landed after its
        // delete is seen here, and undone.
        if (prepared.Renditions.Count > 0 && await IsErasedAsync(id))
        {
            await RemoveAsync([prepared]);
            logger.LogInformation("Submission {SubmissionId} was taken down while photo {PhotoIndex} was prepared; its renditions are removed", id, index);
            return NotPrepared(index);
        }

        return prepared;
    }

    private async Task<PreparedPhoto> RenderAsync(string id, int index)
    {
        var started = Stopwatch.GetTimestamp();
        var original = await blobs.GetBlobContainerClient(StorageLayout.Uploads)
            .GetBlobClient(StorageLayout.Original(id, index))
            .DownloadContentAsync();

        // Checked again here, not only at the form: queued sources reach the workflow without a form.
        var outcome = await processor.ProcessAsync(original.Value.Content);
        if (outcome.Photo is not { } photo)
        {
            logger.LogInformation("Photo {PhotoIndex} of submission {SubmissionId} refused: {Code}", index, id, outcome.Refusal!.Code);
            return new(index, null, [], outcome.Refusal);
        }

        var renditions = blobs.GetBlobContainerClient(StorageLayout.Renditions);
        var stored = new List<Rendition>(photo.Renditions.Count);
        foreach (var image in photo.Renditions)
        {
            var rendition = new Rendition(StorageLayout.Rendition(id, index, image.Width, image.Format), image.Format, image.Width, image.Height, image.Content.ToMemory().Length);
            await renditions.GetBlobClient(rendition.BlobName).CreateOnceAsync(image.Content, BlobWrites.Headers(rendition.ContentType));
            stored.Add(rendition);
        }

        SolidayTelemetry.PhotoProcessingDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        logger.LogInformation("Photo {PhotoIndex} of submission {SubmissionId}: {Count} renditions", index, id, stored.Count);
        return new(index, photo.Facts, stored, null);
    }

    private async Task<bool> IsErasedAsync(string id) => (await entries.FindAsync(id))?.State.IsErased() == true;
}
