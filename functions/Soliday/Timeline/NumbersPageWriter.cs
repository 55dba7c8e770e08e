using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>
/// The day in numbers (numbers.html), kept cheap at any size of day: a publish counts its own hour
/// from the index it already holds (<see cref="HourNumbers.Of"/>), puts that hour's numbers into the
/// day's numbers blob by compare-and-swap, and writes the page from that blob alone. No other hour is
/// read, and no entry listed; only a day with no numbers blob yet (the first start) reads each hour once.
/// Both writes coalesce as the composed files do: an hour already counted at this version or later
/// leaves the blob as it is, and a page already made from numbers at least as new is not made again.
/// </summary>
public sealed class NumbersPageWriter(BlobServiceClient blobs, PageRenderer pages, IOptions<SolidayOptions> soliday, IOptions<SiteOptions> site)
{
    /// <summary>The version of the day's numbers the page was made from, named by the page's layout: a new layout (a changed template) makes the page again at the next start or publish.</summary>
    private const string NumbersVersionKey = "numbers1";

    private DateOnly Day => soliday.Value.Day;

    /// <summary>Brings the numbers and the page up to date with <paramref name="changed"/>; <paramref name="readHour"/> reads an hour never counted.</summary>
    public async Task UpdateAsync(HourIndex changed, Func<int, Task<HourIndex>> readHour, CancellationToken cancellationToken = default)
    {
        var numbers = await CountAsync(changed, readHour, cancellationToken);
        await blobs.GetBlobContainerClient(StorageLayout.Site).GetBlobClient(SitePaths.NumbersPage).WriteAsync(SiteContent.Html, async recorded =>
        {
            if (recorded.Includes(NumbersVersionKey, numbers.Version))
            {
                return null; // made from these numbers or later ones
            }

            var html = await pages.RenderAsync<NumbersPage, NumbersView>(new NumbersView(Day, numbers, site.Value));
            return new VersionedContent(BinaryData.FromString(html), new Dictionary<string, long> { [NumbersVersionKey] = numbers.Version });
        }, cancellationToken: cancellationToken);
    }

    /// <summary>The day's numbers with <paramref name="changed"/>'s hour counted, written back when they changed.</summary>
    private Task<DayNumbers> CountAsync(HourIndex changed, Func<int, Task<HourIndex>> readHour, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(StorageLayout.Timeline).GetBlobClient(StorageLayout.DayNumbers(Day));
        return OptimisticConcurrency.RetryAsync($"Counting {blob.Name}", async () =>
        {
            var read = await blob.ReadAsync(cancellationToken);
            var numbers = read is { } found ? SolidayJson.Deserialize<DayNumbers>(found.Content) : DayNumbers.Empty;
            var counted = numbers;
            if (numbers.Find(changed.Hour) is { } stored && stored.Version < changed.Version)
            {
                counted = counted.With(HourNumbers.Of(changed));
            }

            // An hour never counted is read fresh, the changed one too: nothing says a snapshot is
            // newer than a change already written, and a stale one would count an entry taken down.
            foreach (var hour in Enumerable.Range(0, HourMarkers.Hours).Where(h => numbers.Find(h) is null))
            {
                counted = counted.With(HourNumbers.Of(await readHour(hour)));
            }

            if (ReferenceEquals(counted, numbers))
            {
                return (true, numbers); // this hour is counted at this version or later already
            }

            var written = await blob.ReplaceIfUnchangedAsync(SolidayJson.Serialize(counted), BlobWrites.Json, read?.ETag, cancellationToken);
            return (written, counted);
        }, cancellationToken);
    }
}
