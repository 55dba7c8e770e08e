using Soliday.Entries;

namespace Soliday.Storage;

/// <summary>
/// Where everything lives in the storage account. Every name derives from the submission id, so a
/// retried step writes the same blob again instead of a second one.
/// </summary>
public static class StorageLayout
{
    /// <summary>Originals as residents sent them (private; EXIF and GPS intact).</summary>
    public const string Uploads = "uploads";

    /// <summary>One JSON record per entry (private).</summary>
    public const string Entries = "entries";

    /// <summary>Renditions waiting for a curator (private until published).</summary>
    public const string Renditions = "renditions";

    /// <summary>
    /// The indexes the site is rendered from (private): per hour, per tag and hour, the most recent
    /// entries, and where each published entry was placed.
    /// </summary>
    public const string Timeline = "timeline";

    /// <summary>Curation's own records (private): the photo hash index, the audit log.</summary>
    public const string Curation = "curation";

    /// <summary>The public static website.</summary>
    public const string Site = "$web";

    /// <summary>Hourly submission counts per hashed address, and hashtag posts per hashed author and server (private; a day's worth can be deleted after the day).</summary>
    public const string Limits = "limits";

    /// <summary>Hashtag ingestion's own records (private): poll checkpoints, webhook signatures seen, failed messages' reasons.</summary>
    public const string Hashtags = "hashtags";

    public static IReadOnlyList<string> Containers { get; } = [Uploads, Entries, Renditions, Timeline, Curation, Site, Limits, Hashtags];

    /// <summary>Every photo's hashes, one line per entry, appended (an append blob: no writer waits for another).</summary>
    public const string PhotoHashIndex = "photo-hashes.jsonl";

    /// <summary>Who decided what and when, one JSON line per action, one append blob per day.</summary>
    public static string AuditLog(DateOnly date) => $"audit/{date:yyyy-MM-dd}.jsonl";

    /// <summary>The folder of one entry's blobs in <see cref="Uploads"/> and <see cref="Renditions"/>.</summary>
    public static string EntryFolder(string id) => $"{id}/";

    public static string Original(string id, int photoIndex) => $"{id}/{photoIndex}";

    /// <summary>
    /// Photos kept in <see cref="Uploads"/> for a resident's next try, after the form came back with
    /// errors: under one prefix, so one listing sweeps the expired and a lifecycle rule backs it up.
    /// </summary>
    public const string KeptFolder = "kept/";

    /// <summary>The kept photos of the form that will send entry <paramref name="id"/>: erased with the entry.</summary>
    public static string KeptPhotos(string id) => $"{KeptFolder}{id}/";

    public static string KeptPhoto(string id, string token) => $"{KeptFolder}{id}/{token}";

    public static string Record(string id) => $"{id}.json";

    /// <summary>The curation board's index of waiting entries in <see cref="Curation"/>: one blob each, named so a listing is the oldest arrival first.</summary>
    public const string WaitingFolder = "board/waiting/";

    /// <summary>
    /// A waiting entry's card: the arrival's ticks, zero-padded, sort the listing by arrival (the
    /// id breaks ties). Ticks of UTC, so a change of the clocks never reorders the board.
    /// </summary>
    public static string WaitingCard(string id, DateTimeOffset arrivedAt) => $"{WaitingFolder}{arrivedAt.UtcTicks:D19}-{id}.json";

    /// <summary>When the entry a card stands for arrived: the card's name holds it.</summary>
    public static DateTimeOffset ArrivalOfCard(string cardName) =>
        new(long.Parse(cardName.AsSpan(WaitingFolder.Length, 19), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

    /// <summary>The same waiting entries, newest arrival first: an empty mark each, named by the ticks left until the end of time.</summary>
    public const string WaitingNewestFolder = "board/waiting-newest/";

    public static string WaitingNewestMark(string id, DateTimeOffset arrivedAt) => $"{WaitingNewestFolder}{ReverseTicks(arrivedAt):D19}-{id}";

    /// <summary>The card a newest-first mark stands for: the mark's name holds the arrival and the id.</summary>
    public static string WaitingCardOfMark(string markName)
    {
        var stem = markName[WaitingNewestFolder.Length..];
        var ticks = DateTimeOffset.MaxValue.UtcTicks - long.Parse(stem[..19], System.Globalization.CultureInfo.InvariantCulture);
        return $"{WaitingFolder}{ticks:D19}{stem[19..]}.json";
    }

    /// <summary>The board's counts (waiting, arrived, by hour, source and flag; decisions), in a few small blobs kept with the index, added up when read.</summary>
    public static string BoardCountsShard(int shard) => $"board/counts/{shard:D2}.json";

    /// <summary>Curators' decisions, newest first: who decided what, and when; no words of the entry (they are read from its record).</summary>
    public const string DecidedFolder = "board/decided/";

    public static string DecidedNote(string id, DateTimeOffset decidedAt) => $"{DecidedFolder}{ReverseTicks(decidedAt):D19}-{id}.json";

    private static long ReverseTicks(DateTimeOffset at) => DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;

    /// <summary>Written once the entries that waited before the index existed have their cards (outside <see cref="WaitingFolder"/>, so never listed as one).</summary>
    public const string WaitingIndexFilled = "board/waiting-index-filled.json";

    /// <summary>The first curator decision for an entry, created once: the second curator finds it taken.</summary>
    public static string DecisionClaim(string id) => $"{id}.decision.json";

    /// <summary>The first decision to take a published entry off the timeline, created once likewise.</summary>
    public static string RemovalClaim(string id) => $"{id}.removal.json";

    public static string Rendition(string id, int photoIndex, int width, string format) =>
        $"{id}/{photoIndex}-{width}.{ImageFormats.Extension(format)}";

    /// <summary>A published rendition's path on the site, relative to its root.</summary>
    public static string PublicMedia(string renditionBlobName) => $"media/{renditionBlobName}";

    public static string PublicMediaFolder(string id) => $"media/{id}/";

    /// <summary>One address's count for one limit in one hour (see <c>Web.AddressCounter</c>).</summary>
    public static string AddressCounter(string purpose, DateTimeOffset hour, string hashedAddress) => $"{purpose}/{hour:yyyyMMddHH}/{hashedAddress}";

    /// <summary>The hashtag posts counted for one author or server (<paramref name="kind"/>) in one hour, one line each.</summary>
    public static string HashtagCounter(DateTimeOffset hour, string kind, string hashedKey) => $"hashtags/{hour:yyyyMMddHH}/{kind}-{hashedKey}";

    public static string HourIndex(DateOnly day, int hour) => $"{day:yyyy-MM-dd}/{hour:00}.json";

    /// <summary>The entries of one hour that carry one tag: a tag page's part for that hour.</summary>
    public static string TagHourIndex(DateOnly day, string slug, int hour) => $"{TagFolder(day, slug)}{hour:00}.json";

    /// <summary>The folder of one tag's hour indexes: named by the tag, so deleted once the tag has no entry left.</summary>
    public static string TagFolder(DateOnly day, string slug) => $"{day:yyyy-MM-dd}/tags/{slug}/";

    /// <summary>Every publish, edit and removal of the day, one line each (an append blob): what the feeds are made from.</summary>
    public static string RecentLog(DateOnly day) => $"{day:yyyy-MM-dd}/recent.jsonl";

    /// <summary>The day's numbers, hour by hour (entries with photos and written, by source, by place): what numbers.html is made from.</summary>
    public static string DayNumbers(DateOnly day) => $"{day:yyyy-MM-dd}/numbers.json";

    /// <summary>Where a published entry was placed (hour, tags), so taking it off reads one blob, not the day.</summary>
    public static string Placement(DateOnly day, string id) => $"{day:yyyy-MM-dd}/placed/{id}.json";

    /// <summary>
    /// Problems the public reported with published entries, in <see cref="Curation"/> (private: a
    /// report's words and reply address are personal data), one folder per entry so erasing the
    /// entry erases its reports with one listing.
    /// </summary>
    public const string ReportsFolder = "reports/";

    public static string EntryReports(string entryId) => $"{ReportsFolder}{entryId}/";

    public static string Report(string entryId, string reportId) => $"{ReportsFolder}{entryId}/{reportId}.json";

    /// <summary>Where the poller is in one Mastodon server's hashtag timeline.</summary>
    public static string PollCheckpoint(string serverKey) => $"checkpoints/{serverKey}.json";

    /// <summary>
    /// A webhook signature already used, created once; filed under the day it was signed, so the
    /// days past the replay window can be deleted whole (a lifecycle rule, or by hand).
    /// </summary>
    public static string WebhookSignature(DateTimeOffset signedAt, string signatureHex) => $"webhook-signatures/{signedAt.UtcDateTime:yyyy-MM-dd}/{signatureHex}";

    /// <summary>Why a queue message could not be taken in, by the SHA-256 of the message: its poison copy has the same text, not the same id.</summary>
    public static string IngestionFailure(string messageSha256) => $"failures/{messageSha256}.json";
}
