using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Soliday.Storage;

namespace Soliday.Submissions;

/// <summary>How keeping a report went: kept now, kept before (the same form sent twice), or refused because the entry has enough already.</summary>
public enum ReportKeeping
{
    Kept,
    AlreadyKept,
    EntryFull,
}

/// <summary>
/// The reports of problems with published entries, in the private curation container, one small
/// blob each under the entry's folder. Bounded: at most <see cref="MaxOpenPerEntry"/> open reports
/// per entry (nobody can fill storage through one entry; the rate limit per address holds the rest),
/// each at most a few kilobytes. Erased with the entry (<see cref="EntryErasure"/>).
/// </summary>
public sealed class ProblemReports(BlobServiceClient blobs)
{
    /// <summary>
    /// Open reports one entry may have: far more than curators need to act (one is enough), few
    /// enough that a flood through one entry stays small. Past it the form says curators already know.
    /// </summary>
    public const int MaxOpenPerEntry = 20;

    /// <summary>The most the curators' page lists at once: a day's reports fit many times over.</summary>
    public const int MaxListed = 500;

    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Curation);

    /// <summary>Keeps <paramref name="report"/> once: its id comes from the form's token, so a double send keeps one.</summary>
    public async Task<ReportKeeping> KeepAsync(ProblemReport report, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(StorageLayout.Report(report.EntryId, report.Id));
        if (await blob.ExistsAsync(cancellationToken))
        {
            return ReportKeeping.AlreadyKept;
        }

        // Counted before the write, so a burst can pass the cap by a few: a bound on storage, not an exact count.
        if (await CountForEntryAsync(report.EntryId, cancellationToken) >= MaxOpenPerEntry)
        {
            return ReportKeeping.EntryFull;
        }

        return await blob.CreateOnceAsync(SolidayJson.Serialize(report), BlobWrites.Json, cancellationToken)
            ? ReportKeeping.Kept
            : ReportKeeping.AlreadyKept;
    }

    /// <summary>The open reports, the urgent ones first, then the oldest first: what has waited longest is read next.</summary>
    public async Task<IReadOnlyList<ProblemReport>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.ReportsFolder }, cancellationToken))
        {
            names.Add(item.Name);
            if (names.Count == MaxListed)
            {
                break;
            }
        }

        var reads = await Task.WhenAll(names.Select(name => Container.GetBlobClient(name).ReadAsync(cancellationToken)));
        return [.. reads.OfType<(BinaryData Content, ETag ETag)>()
            .Select(read => SolidayJson.Deserialize<ProblemReport>(read.Content))
            .OrderByDescending(r => r.IsUrgent)
            .ThenBy(r => r.ReportedAt)];
    }

    /// <summary>How many reports are open: for the curators' counts.</summary>
    public async Task<int> CountOpenAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.ReportsFolder }, cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task<ProblemReport?> FindAsync(string entryId, string reportId, CancellationToken cancellationToken) =>
        await Container.GetBlobClient(StorageLayout.Report(entryId, reportId)).ReadAsync(cancellationToken) is { } read
            ? SolidayJson.Deserialize<ProblemReport>(read.Content)
            : null;

    /// <summary>Deletes one report: a dismissed report keeps nothing of what its sender wrote.</summary>
    public async Task<bool> DeleteAsync(string entryId, string reportId, CancellationToken cancellationToken) =>
        (await Container.GetBlobClient(StorageLayout.Report(entryId, reportId)).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;

    /// <summary>Deletes every report of an entry: part of erasing it.</summary>
    public Task DeleteForEntryAsync(string entryId, CancellationToken cancellationToken) =>
        blobs.DeleteAsync(StorageLayout.Curation, StorageLayout.EntryReports(entryId), cancellationToken);

    private async Task<int> CountForEntryAsync(string entryId, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.EntryReports(entryId) }, cancellationToken))
        {
            count++;
        }

        return count;
    }
}
