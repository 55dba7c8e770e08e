using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>
/// Brings an <see cref="IHourlyFile"/> up to date with one hour's index, as a <see cref="ComposedBlob"/>:
/// the frame's pieces, then for each hour a separator (JSON) and the hour's part. A part records the
/// version of the index it came from; when the file already holds this hour at this version or a
/// newer one, there is nothing to do (a hundred publishes in one hour coalesce). The counts per hour
/// live in the blob's metadata, so the frame (jump links, the day in numbers) needs no index read.
/// Only a file that does not exist yet, or whose layout changed, reads every hour, once.
/// </summary>
public sealed class HourlyFileWriter(BlobServiceClient blobs)
{
    private static readonly IReadOnlyList<string> PlainOrder = Order(commas: false);
    private static readonly IReadOnlyList<string> CommaOrder = Order(commas: true);

    private static readonly BinaryData Comma = BinaryData.FromString(",");

    /// <summary>
    /// Makes <paramref name="file"/> include <paramref name="changed"/>; <paramref name="readHour"/>
    /// reads any other hour, needed only when the file is made whole.
    /// </summary>
    public Task<bool> UpdateAsync(IHourlyFile file, HourIndex changed, Func<int, Task<HourIndex>> readHour, CancellationToken cancellationToken = default)
    {
        var composed = new ComposedBlob(blobs.GetBlobContainerClient(StorageLayout.Site).GetBlockBlobClient(file.Path), file.Headers, file.Layout);
        var order = file.CommaBetweenHours ? CommaOrder : PlainOrder;
        return composed.UpdateAsync(order, async state =>
        {
            // A writer with this hour at this version or later got here first: its part stays.
            var hours = new Dictionary<int, HourIndex>();
            if (state.VersionOf(HourMarkers.HourPart(changed.Hour)) < changed.Version)
            {
                hours[changed.Hour] = changed;
            }

            foreach (var hour in Enumerable.Range(0, HourMarkers.Hours).Where(h => !state.Has(HourMarkers.HourPart(h)) && !hours.ContainsKey(h)))
            {
                hours[hour] = await readHour(hour);
            }

            if (hours.Count == 0)
            {
                return null;
            }

            var counts = Enumerable.Range(0, HourMarkers.Hours)
                .Select(h => hours.TryGetValue(h, out var index) ? index.Entries.Count : StoredCount(state, h))
                .ToList();
            if (file.DeleteWhenEmpty && counts.Sum() == 0)
            {
                return ComposedChange.Deletion;
            }

            var parts = new List<BlobPart>();
            var hasContent = new bool[HourMarkers.Hours];
            for (var hour = 0; hour < HourMarkers.Hours; hour++)
            {
                if (hours.TryGetValue(hour, out var index))
                {
                    var part = new BlobPart(HourMarkers.HourPart(hour), BinaryData.FromString(await file.HourAsync(index)), index.Version);
                    parts.Add(part);
                    hasContent[hour] = !part.IsEmpty;
                }
                else
                {
                    hasContent[hour] = state.Parts[HourMarkers.HourPart(hour)].BlockId is not null;
                }
            }

            var pieces = HourMarkers.Split(await file.FrameAsync(counts));
            parts.AddRange(pieces.Select((piece, i) => new BlobPart(HourMarkers.FramePart(i), BinaryData.FromString(piece))));
            if (file.CommaBetweenHours)
            {
                // A comma before an hour with items when an earlier hour has items: the pieces stay valid JSON whichever hours are empty.
                var seenBefore = false;
                for (var hour = 0; hour < HourMarkers.Hours; hour++)
                {
                    parts.Add(new BlobPart(HourMarkers.SeparatorPart(hour), hasContent[hour] && seenBefore ? Comma : BinaryData.Empty));
                    seenBefore |= hasContent[hour];
                }
            }

            var values = hours.ToDictionary(h => HourMarkers.CountKey(h.Key), h => h.Value.Entries.Count.ToString(CultureInfo.InvariantCulture));
            return new ComposedChange(parts, values);
        }, cancellationToken);
    }

    private static int StoredCount(ComposedState state, int hour) =>
        int.TryParse(state.Value(HourMarkers.CountKey(hour)), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    private static IReadOnlyList<string> Order(bool commas)
    {
        var order = new List<string>();
        for (var hour = 0; hour < HourMarkers.Hours; hour++)
        {
            order.Add(HourMarkers.FramePart(hour));
            if (commas)
            {
                order.Add(HourMarkers.SeparatorPart(hour));
            }

            order.Add(HourMarkers.HourPart(hour));
        }

        order.Add(HourMarkers.FramePart(HourMarkers.Hours));
        return order;
    }
}
