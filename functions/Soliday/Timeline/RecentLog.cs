using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>
/// One line of the recent log: an entry (re)published into an hour at a time, or its removal (no hour).
/// Ids, hours and times only: an append blob cannot be rewritten, so nothing the entry says is
/// written here, and erasing an entry leaves nothing of it in the log.
/// </summary>
public sealed record RecentRecord(string Id, int? Hour = null, DateTimeOffset? PublishedAt = null)
{
    public static RecentRecord Published(TimelineEntry entry, int hour) => new(entry.Id, hour, entry.PublishedAt);

    public static RecentRecord Removed(string id) => new(id);
}

/// <summary>
/// What the feeds are made from: every publish, edit and removal of the day appended as one JSON
/// line to an append blob. Appends are atomic and never conflict, so a hundred publishes at once
/// do not queue on one blob as they would on a list rewritten by compare-and-swap. The feeds read
/// only the log's tail (which entries are the latest, and in which hour), then those entries from
/// their hours' indexes, never the whole day. The log's length is its version: it only grows. An
/// append blob takes 50,000 appends, far above a day's publishes and edits.
/// </summary>
public sealed class RecentLog(BlobServiceClient blobs, TimelineIndex index, IOptions<SolidayOptions> soliday)
{
    /// <summary>The tail read first: about a hundred entries' lines.</summary>
    private const int FirstWindow = 192 * 1024;

    private AppendBlobClient Log => blobs.GetBlobContainerClient(StorageLayout.Timeline).GetAppendBlobClient(StorageLayout.RecentLog(soliday.Value.Day));

    /// <summary>Appends the record; returns the log's length just after it, which a feed made from this change will record.</summary>
    public async Task<long> AppendAsync(RecentRecord record, CancellationToken cancellationToken = default)
    {
        var log = Log;
        var line = SolidayJson.Serialize(record).ToArray().Append((byte)'\n').ToArray();
        BlobAppendInfo appended;
        try
        {
            appended = await AppendLineAsync(log, line, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The day's first line: the log is made then, not checked for before every append (a round trip on each publish's way).
            await log.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            appended = await AppendLineAsync(log, line, cancellationToken);
        }

        return long.Parse(appended.BlobAppendOffset, System.Globalization.CultureInfo.InvariantCulture) + line.Length;
    }

    private static async Task<BlobAppendInfo> AppendLineAsync(AppendBlobClient log, byte[] line, CancellationToken cancellationToken)
    {
        using var block = new MemoryStream(line);
        return (await log.AppendBlockAsync(block, cancellationToken: cancellationToken)).Value;
    }

    /// <summary>
    /// The <paramref name="count"/> most recently published entries still published, newest first,
    /// as their latest lines say; and the log's length they were read at.
    /// </summary>
    public async Task<RecentIndex> ReadAsync(int count, CancellationToken cancellationToken = default)
    {
        long length;
        try
        {
            length = (await Log.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return new RecentIndex([]);
        }

        if (length == 0)
        {
            return new RecentIndex([]); // created, nothing appended yet (an append failed after the create): no range to read
        }

        for (var window = (long)FirstWindow; ; window *= 4)
        {
            var start = Math.Max(0, length - window);
            var tail = (await Log.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(start, length - start) }, cancellationToken)).Value.Content.ToString();
            var lines = tail.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var whole = start == 0 ? lines : lines.Skip(1); // the first line of a window may be cut
            var latest = new Dictionary<string, RecentRecord>();
            foreach (var line in whole.Reverse())
            {
                var record = SolidayJson.Deserialize<RecentRecord>(BinaryData.FromString(line));
                latest.TryAdd(record.Id, record); // read from the end: the first seen is the latest
            }

            var candidates = latest.Values
                .Where(r => r.Hour is not null)
                .OrderByDescending(r => r.PublishedAt)
                .ThenBy(r => r.Id, StringComparer.Ordinal);
            var published = await FromHoursAsync(candidates, count, cancellationToken);
            if (published.Count >= count || start == 0)
            {
                return new RecentIndex(published, length);
            }
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> of the entries as their hours' indexes hold them now, each
    /// hour read once. An entry its hour no longer holds is being taken off: its removal line follows.
    /// </summary>
    private async Task<List<TimelineEntry>> FromHoursAsync(IEnumerable<RecentRecord> candidates, int count, CancellationToken cancellationToken)
    {
        var hours = new Dictionary<int, HourIndex>();
        var found = new List<TimelineEntry>();
        foreach (var record in candidates)
        {
            var hour = record.Hour!.Value;
            if (!hours.TryGetValue(hour, out var held))
            {
                hours[hour] = held = await index.ReadHourAsync(soliday.Value.Day, hour, cancellationToken);
            }

            if (held.Find(record.Id) is { } entry)
            {
                found.Add(entry);
                if (found.Count == count)
                {
                    break;
                }
            }
        }

        return [.. found.Order(RecentIndex.NewestFirst)];
    }
}
