using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>One line of the recent log: an entry as (re)published, or its removal (no entry).</summary>
public sealed record RecentRecord(string Id, TimelineEntry? Entry);

/// <summary>
/// What the feeds are made from: every publish, edit and removal of the day appended as one JSON
/// line to an append blob. Appends are atomic and never conflict, so a hundred publishes at once
/// do not queue on one blob as they would on a list rewritten by compare-and-swap. The feeds read
/// only the log's tail (the latest state of the latest entries), never the whole day. The log's
/// length is its version: it only grows. An append blob takes 50,000 appends, far above a day's
/// publishes and edits.
/// </summary>
public sealed class RecentLog(BlobServiceClient blobs, IOptions<SolidayOptions> soliday)
{
    /// <summary>The tail read first: about a hundred entries' lines.</summary>
    private const int FirstWindow = 192 * 1024;

    private AppendBlobClient Log => blobs.GetBlobContainerClient(StorageLayout.Timeline).GetAppendBlobClient(StorageLayout.RecentLog(soliday.Value.Day));

    /// <summary>Appends the record; returns the log's length just after it, which a feed made from this change will record.</summary>
    public async Task<long> AppendAsync(RecentRecord record, CancellationToken cancellationToken = default)
    {
        var log = Log;
        await log.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var line = SolidayJson.Serialize(record).ToArray().Append((byte)'\n').ToArray();
        using var block = new MemoryStream(line);
        var appended = (await log.AppendBlockAsync(block, cancellationToken: cancellationToken)).Value;
        return long.Parse(appended.BlobAppendOffset, System.Globalization.CultureInfo.InvariantCulture) + line.Length;
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
            var latest = new Dictionary<string, TimelineEntry?>();
            foreach (var line in whole.Reverse())
            {
                var record = SolidayJson.Deserialize<RecentRecord>(BinaryData.FromString(line));
                latest.TryAdd(record.Id, record.Entry); // read from the end: the first seen is the latest
            }

            var published = latest.Values.OfType<TimelineEntry>().Order(RecentIndex.NewestFirst).Take(count).ToList();
            if (published.Count >= count || start == 0)
            {
                return new RecentIndex(published, length);
            }
        }
    }
}
