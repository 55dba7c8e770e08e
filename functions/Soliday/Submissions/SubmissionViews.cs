using Soliday.Entries;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

// What the form, status and take-down pages show.

/// <param name="OffersReceipt">Email is set up, so the "Email me a receipt" box is shown; never a promise the app cannot keep.</param>
public sealed record SubmitView(SubmissionFormValues Values, IReadOnlyDictionary<string, string> Errors, SiteOptions Site, long MaxUploadBytes, bool OffersReceipt = false)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public long MaxUploadMegabytes => MaxUploadBytes / (1024 * 1024);

    /// <summary>What submit.js needs to refuse a time that has not come yet, as <see cref="GivenTimes"/> does.</summary>
    public MomentCheck? Moment { get; init; }

    /// <summary>Who is helping the resident send, in volunteer mode; null on the ordinary form.</summary>
    public Helper? Helper { get; init; }

    /// <summary>Photos kept from the last try, each in its place on the form.</summary>
    public IReadOnlyList<KeptPhoto> Kept { get; init; } = [];

    /// <summary>The entry id the page's form token stands for: its kept photos are filed under it.</summary>
    public string KeptFor { get; init; } = "";

    /// <summary>The photo kept for place <paramref name="number"/> (from 1), if any.</summary>
    public KeptPhoto? KeptAt(int number) => Kept.FirstOrDefault(k => k.Number == number);

    public string KeptPreviewUrl(KeptPhoto kept) => Routes.KeptPhotoUrl(KeptFor, kept.Token);
}

/// <summary>
/// The day as the browser checks "When was this?": its date, the zone's largest offset from UTC on
/// it (on the night the clocks change the browser errs towards taking a time, and the server still
/// decides), and the minutes ahead of now a time may be.
/// </summary>
public sealed record MomentCheck(string Day, int OffsetMinutes, int AheadMinutes)
{
    public static MomentCheck For(SolidayOptions day)
    {
        var start = day.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var end = day.Day.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Unspecified);
        var offset = new[] { day.Zone.GetUtcOffset(start), day.Zone.GetUtcOffset(end) }.Max();
        return new(day.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (int)offset.TotalMinutes, (int)GivenTimes.AheadAllowance.TotalMinutes);
    }
}

/// <param name="ForSender">Asked with the entry's take-down key: what was sent, and why it was not published, are shown.</param>
/// <param name="TakedownUrl">Shown only to whoever holds the entry's take-down key.</param>
/// <param name="Key">The take-down key the page was asked with, when it is genuine: its own address and its photos' carry it.</param>
public sealed record StatusView(Entry Entry, SiteOptions Site, bool ForSender, string? TakedownUrl = null, string? Key = null)
{
    /// <summary>A published entry shows what the timeline shows anyway; any other only to its sender.</summary>
    public bool ShowsContent => !Entry.State.IsErased() && (ForSender || Entry.State == EntryState.Published);

    /// <summary>For an erased entry: nothing of it is left (until then the page says it is being removed).</summary>
    public bool ErasureFinished => EntryErasure.IsFinished(Entry);

    /// <summary>Its story is still moving (being prepared, waiting for a curator, being removed): the page looks again by itself.</summary>
    public bool StillChanging =>
        Entry.State is EntryState.Received or EntryState.Processing or EntryState.AwaitingCuration
        || (Entry.State.IsErased() && !ErasureFinished);

    /// <summary>What the status JSON says of the erasure, for the page's script to compare with.</summary>
    public string Erasure => !Entry.State.IsErased() ? "" : ErasureFinished ? SubmissionStatus.ErasureComplete : SubmissionStatus.ErasurePending;

    /// <summary>The short reference a resident may quote (see <see cref="EntryReference"/>).</summary>
    public string Reference => EntryReference.Of(Entry.Id);

    /// <summary>This page's own address, with its key when it has one: the "check again" link, and what the script asks.</summary>
    public string SelfUrl => Key is null ? Routes.SubmissionStatusUrl(Entry.Id) : $"{Routes.SubmissionStatusUrl(Entry.Id)}?{SubmissionFormFields.TakedownKey}={Key}";

    /// <summary>A small copy of each photo that can be shown now (none before its renditions exist, or once it is not published).</summary>
    public IReadOnlyList<StatusThumbnail> Thumbnails =>
        !SubmissionPhotoEndpoint.Shows(Entry, ForSender) ? [] :
        [.. Entry.Photos.Select(p => (Photo: p, Rendition: SubmissionPhotoEndpoint.Thumbnail(p)))
            .Where(p => p.Rendition is not null)
            .Select(p => new StatusThumbnail(SubmissionPhotoEndpoint.UrlOf(Entry.Id, p.Rendition!, ForSender ? Key : null), p.Photo.Alt, p.Rendition!.Width, p.Rendition.Height))];
}

/// <summary>One photo's small copy on the status page, described in its sender's own words.</summary>
public sealed record StatusThumbnail(string Url, string Alt, int Width, int Height);

public sealed record TakedownView(Entry Entry, string Key, TakedownProgress Progress, SiteOptions Site)
{
    /// <summary>The minutes the sender is promised, in words.</summary>
    public int PromisedMinutes => (int)EntryErasure.TakedownPromise.TotalMinutes;
}

/// <summary>Where a take-down stands: asked for (and being carried out), then finished.</summary>
public enum TakedownProgress
{
    NotAsked,
    BeingRemoved,
    Removed,
}
