using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>Which version of an hour's index a change produced.</summary>
public sealed record HourVersion(int Hour, long Version);

/// <summary>
/// The per-hour indexes of published entries. Each hour is one small blob changed by
/// read / change / write-if-unchanged, so concurrent publishers never lose each other's entries,
/// and a publish touches one hour, not the whole day.
/// </summary>
public sealed class TimelineIndex(BlobServiceClient blobs)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Timeline);

    /// <summary>Applies <paramref name="change"/> until the write wins. Returns the hour's version after it, or null if nothing changed.</summary>
    public Task<HourVersion?> UpdateHourAsync(DateOnly day, int hour, Func<HourIndex, HourIndex> change, CancellationToken cancellationToken = default)
    {
        var blob = Container.GetBlobClient(StorageLayout.HourIndex(day, hour));
        return OptimisticConcurrency.RetryAsync($"Updating the index of {day:yyyy-MM-dd} {hour:00}:00", async () =>
        {
            var read = await blob.ReadAsync(cancellationToken);
            var current = read is { } found ? SolidayJson.Deserialize<HourIndex>(found.Content) : new HourIndex(day, hour, []);
            var changed = change(current) with { Version = current.Version + 1 };
            if (changed.Entries.SequenceEqual(current.Entries))
            {
                return (true, (HourVersion?)null); // nothing to write
            }

            var written = await blob.ReplaceIfUnchangedAsync(SolidayJson.Serialize(changed), BlobWrites.Json, read?.ETag, cancellationToken);
            return (written, new HourVersion(hour, changed.Version));
        }, cancellationToken);
    }

    /// <summary>Every hour of the day that has an index, in hour order.</summary>
    public async Task<IReadOnlyList<HourIndex>> ReadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var hours = new List<HourIndex>();
        await foreach (var item in Container.GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.HourIndexFolder(day) }, cancellationToken))
        {
            if (await Container.GetBlobClient(item.Name).ReadAsync(cancellationToken) is { } found)
            {
                hours.Add(SolidayJson.Deserialize<HourIndex>(found.Content));
            }
        }

        return [.. hours.OrderBy(h => h.Hour)];
    }
}
