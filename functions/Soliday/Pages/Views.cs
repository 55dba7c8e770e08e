using System.Globalization;
using Soliday.Entries;
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

    public static string Hour(int hour) => $"{hour:00}:00";

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

    /// <summary>An address as people type it, for print and screens: browsers add "https://" themselves.</summary>
    public static string Address(Uri address) =>
        address.Scheme == Uri.UriSchemeHttps ? address.AbsoluteUri["https://".Length..] : address.AbsoluteUri;

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

public sealed record ErrorView(string Title, string Message, SiteOptions Site);

public sealed record AboutView(DateOnly Day, SiteOptions Site);

public sealed record SearchView(DateOnly Day);

public sealed record SignInView(string FormToken, string? Error, bool EasyAuth);

/// <summary>The wall for screens at events: the latest entries as the page is written, then the feed's.</summary>
/// <param name="Latest">The newest first; the page shows the first <see cref="Shown"/>.</param>
public sealed record WallView(DateOnly Day, IReadOnlyList<TimelineEntry> Latest, SiteOptions Site)
{
    /// <summary>
    /// The entries written into the page itself: what a screen with scripts off shows, and what the
    /// slideshow starts with before the feed answers. A few, so the page stays light at any size of day.
    /// </summary>
    public const int Shown = 12;
}

/// <summary>The poster to print and put up: the day, the way to the form, three steps.</summary>
public sealed record PosterView(DateOnly Day, SiteOptions Site);

/// <summary>The day in numbers: made from the day's numbers alone, never from the entries.</summary>
public sealed record NumbersView(DateOnly Day, DayNumbers Numbers, SiteOptions Site)
{
    /// <summary>Places shown by name, the most entries first; the rest are one line. Bounds the page whatever curators name.</summary>
    public const int PlacesShown = 12;

    /// <summary>Sources shown by name: the form, two networks, a few partners' services at most; the rest are one line.</summary>
    public const int SourcesShown = 8;
}

/// <summary>The reuse page: what each file of the day is and who would use it, and the licences as choices.</summary>
public sealed record ReuseView(DateOnly Day);
