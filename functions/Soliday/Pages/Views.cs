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

    /// <summary>The time alone on the day itself; a full date when a photo was taken on another day.</summary>
    public static string Moment(DateTimeOffset moment, TimeZoneInfo zone, DateOnly day) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime) == day ? Time(moment, zone) : DateAndTime(moment, zone);

    public static string Hour(int hour) => $"{hour:00}:00";

    public static string HourRange(int hour) => $"{Hour(hour)} to {Hour((hour + 1) % 24)}";

    public static string Entries(int count) => count == 1 ? "1 entry" : $"{count.ToString("N0", Culture)} entries";

    /// <summary>
    /// The start of a text, cut at a word near <paramref name="max"/> characters with an ellipsis:
    /// previews and link text stay short whatever a resident wrote.
    /// </summary>
    public static string Short(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max)
        {
            return flat;
        }

        var cut = flat.LastIndexOf(' ', max);
        return string.Concat(flat.AsSpan(0, cut > max / 2 ? cut : max).TrimEnd(" ,.;:"), "…");
    }

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

/// <param name="OffersReceipt">Email is set up, so the "Email me a receipt" box is shown; never a promise the app cannot keep.</param>
public sealed record SubmitView(SubmissionFormValues Values, IReadOnlyDictionary<string, string> Errors, SiteOptions Site, long MaxUploadBytes, bool OffersReceipt = false)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public long MaxUploadMegabytes => MaxUploadBytes / (1024 * 1024);
}

/// <param name="ForSender">Asked with the entry's take-down key: what was sent, and why it was not published, are shown.</param>
/// <param name="TakedownUrl">Shown only to whoever holds the entry's take-down key.</param>
public sealed record StatusView(Entry Entry, SiteOptions Site, bool ForSender, string? TakedownUrl = null)
{
    /// <summary>A published entry shows what the timeline shows anyway; any other only to its sender.</summary>
    public bool ShowsContent => !Entry.State.IsErased() && (ForSender || Entry.State == EntryState.Published);
}

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
