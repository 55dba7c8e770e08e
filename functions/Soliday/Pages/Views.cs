using System.Globalization;
using Soliday.Curation;
using Soliday.Hashtags;
using Soliday.Submissions;
using Soliday.Timeline;

namespace Soliday.Pages;

/// <summary>Dates and times as people in the UK write them, whatever the server's culture.</summary>
public static class Display
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly day) => day.ToString("dddd d MMMM yyyy", Culture);

    public static string Time(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("HH:mm", Culture);

    public static string DateAndTime(DateTimeOffset moment, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString("d MMMM yyyy 'at' HH:mm", Culture);

    public static string LicenceName(string id) => Licences.FindKnown(id)?.Name ?? id;

    public static string? LicenceUrl(string id) => Licences.FindKnown(id)?.Uri?.ToString();

    /// <summary>
    /// An address from outside (a post's link) fit for an <c>href</c>: absolute http or https only.
    /// Razor encodes attributes but cannot know that <c>javascript:</c> runs; this does.
    /// </summary>
    public static string? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}

public sealed record DayView(DateOnly Day, TimeZoneInfo Zone, IReadOnlyList<HourIndex> Hours, string SubmitUrl)
{
    public IEnumerable<HourIndex> HoursWithEntries => Hours.Where(h => h.Entries.Count > 0);

    public int EntryCount => Hours.Sum(h => h.Entries.Count);
}

public sealed record SubmitView(SubmissionFormValues Values, IReadOnlyDictionary<string, string> Errors, SiteOptions Site, long MaxUploadBytes)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public long MaxUploadMegabytes => MaxUploadBytes / (1024 * 1024);
}

/// <param name="TakedownUrl">Shown only to whoever holds the entry's take-down key.</param>
public sealed record StatusView(Entry Entry, SiteOptions Site, string? TakedownUrl = null);

public sealed record TakedownView(Entry Entry, string Key, bool Done, SiteOptions Site);

public sealed record ErrorView(string Title, string Message, SiteOptions Site);

public sealed record AboutView(DateOnly Day, SiteOptions Site);

/// <summary>The curation page: the entries a filter shows, and the whole board for the counts and the chart.</summary>
public sealed record CurationView(
    Curator Curator,
    IReadOnlyList<BoardEntry> Entries,
    IReadOnlyList<BoardEntry> Everything,
    BoardFilter Filter,
    string FormToken,
    string? Notice,
    string ReturnQuery,
    SolidayOptions Day,
    PoisonedPostList Poisoned)
{
    public static IReadOnlyList<string> States { get; } =
        [.. new[] { EntryState.AwaitingCuration, EntryState.Published, EntryState.Rejected, EntryState.Failed, EntryState.Withdrawn, EntryState.Processing }.Select(s => s.ToWire())];

    public int CountIn(string state) => Everything.Count(e => e.State == state);

    /// <summary>Entries per hour of the day they were taken, every state but withdrawn.</summary>
    public IReadOnlyList<int> PerHour => [.. Enumerable.Range(0, 24).Select(hour =>
        Everything.Count(e => e.Summary is not null && e.State != EntryState.Withdrawn.ToWire() && TimeZoneInfo.ConvertTime(e.Summary.MomentAt, Day.Zone).Hour == hour))];

    public IReadOnlyList<string> Sources => [.. Everything.Select(e => e.Summary?.Source).OfType<string>().Distinct().Order()];

    public IReadOnlyList<string> FlagCodes => [.. Everything.SelectMany(e => e.Summary?.Flags ?? []).Select(f => f.Code).Distinct().Order()];
}

public sealed record SignInView(string FormToken, string? Error, bool EasyAuth);

public sealed record EditEntryView(Curator Curator, Entry Entry, string FormToken, string ReturnQuery);
