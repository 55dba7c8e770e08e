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
    private static readonly IReadOnlyList<string> PlainOrder = Order(commas: false, leads: false);
    private static readonly IReadOnlyList<string> CommaOrder = Order(commas: true, leads: false);
    private static readonly IReadOnlyList<string> LeadOrder = Order(commas: false, leads: true);

    private static readonly BinaryData Comma = BinaryData.FromString(",");

    /// <summary>
    /// Makes <paramref name="file"/> include <paramref name="changed"/>; <paramref name="readHour"/>
    /// reads any hour the file has no record of (every hour, <paramref name="changed"/>'s too, when the file is made whole).
    /// </summary>
    public Task<bool> UpdateAsync(IHourlyFile file, HourIndex changed, Func<int, Task<HourIndex>> readHour, CancellationToken cancellationToken = default)
    {
        var composed = new ComposedBlob(blobs.GetBlobContainerClient(StorageLayout.Site).GetBlockBlobClient(file.Path), file.Headers, file.Layout);
        var order = file.HasLeads ? LeadOrder : file.CommaBetweenHours ? CommaOrder : PlainOrder;
        if (file.HasLeads && file.CommaBetweenHours)
        {
            throw new NotSupportedException("Lead parts are for pages, not JSON arrays.");
        }

        return composed.UpdateAsync(order, async state =>
        {
            // A writer with this hour at this version or later got here first: its part stays. With no
            // record of the hour (no file, as after DeleteWhenEmpty; a new layout; a record distrusted),
            // nothing says whether this snapshot is older than a change already written, so the hour is
            // read fresh below: a stale snapshot would bring back an entry taken down meanwhile.
            var hours = new Dictionary<int, HourIndex>();
            if (state.Has(HourMarkers.HourPart(changed.Hour)) && state.VersionOf(HourMarkers.HourPart(changed.Hour)) < changed.Version)
            {
                hours[changed.Hour] = changed;
            }

            var missing = Enumerable.Range(0, HourMarkers.Hours)
                .Where(h => !state.Has(HourMarkers.HourPart(h)) || (file.HasLeads && !state.Has(HourMarkers.LeadPart(h))));
            foreach (var hour in missing.Where(h => !hours.ContainsKey(h)))
            {
                hours[hour] = await readHour(hour);
            }

            if (hours.Count == 0)
            {
                return null;
            }

            var counts = Enumerable.Range(0, HourMarkers.Hours)
                .Select(h => hours.TryGetValue(h, out var index) ? index.Entries.Count : StoredCount(state, HourMarkers.CountKey(h)))
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
                    if (file.HasLeads)
                    {
                        parts.Add(new BlobPart(HourMarkers.LeadPart(hour), BinaryData.FromString(await file.LeadAsync(index)), index.Version));
                    }
                }
                else
                {
                    hasContent[hour] = state.Parts[HourMarkers.HourPart(hour)].BlockId is not null;
                }
            }

            var leadCounts = Enumerable.Range(0, HourMarkers.Hours)
                .Select(h => hours.TryGetValue(h, out var index) ? file.LeadCount(index) : StoredCount(state, HourMarkers.LeadCountKey(h)))
                .ToList();
            var pieces = HourMarkers.Split(file.HasLeads ? await file.FrameAsync(counts, leadCounts) : await file.FrameAsync(counts), file.HasLeads);
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
            if (file.HasLeads)
            {
                foreach (var (hour, index) in hours)
                {
                    values[HourMarkers.LeadCountKey(hour)] = file.LeadCount(index).ToString(CultureInfo.InvariantCulture);
                }
            }

            return new ComposedChange(parts, values);
        }, cancellationToken);
    }

    private static int StoredCount(ComposedState state, string key) =>
        int.TryParse(state.Value(key), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;

    /// <summary>Frame pieces between the parts: with leads, f00 l00 f01 … l23 f24 h00 f25 … h23 f48.</summary>
    private static IReadOnlyList<string> Order(bool commas, bool leads)
    {
        var order = new List<string>();
        var frame = 0;
        if (leads)
        {
            for (var hour = 0; hour < HourMarkers.Hours; hour++)
            {
                order.Add(HourMarkers.FramePart(frame++));
                order.Add(HourMarkers.LeadPart(hour));
            }
        }

        for (var hour = 0; hour < HourMarkers.Hours; hour++)
        {
            order.Add(HourMarkers.FramePart(frame++));
            if (commas)
            {
                order.Add(HourMarkers.SeparatorPart(hour));
            }

            order.Add(HourMarkers.HourPart(hour));
        }

        order.Add(HourMarkers.FramePart(frame));
        return order;
    }
}
