using System.Globalization;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>
/// A time of day as a resident gives it on the form ("When was this?", field <c>moment</c>) or a
/// curator sets it: checked, and placed on the day.
/// </summary>
/// <param name="At">The moment on the day; null when the field was left empty.</param>
/// <param name="Error">Why the time was not taken, in plain words; null when it was.</param>
/// <param name="Code">The problem's <c>code</c> for API clients; null when the time was taken.</param>
public sealed record GivenTime(DateTimeOffset? At, string? Error = null, string? Code = null);

/// <summary>
/// Reads "When was this?". The time is a time on the day Soliday captures (not the day it was sent):
/// someone who writes up the morning that evening, or the day after, means that morning.
/// A time that has not come yet is refused, not moved to now: it is most often a slip of am for pm
/// (21:15 for 9:15), and placing it at the moment of sending would be as wrong as the hour people
/// complain of, silently. The resident is told, in the site's language, and keeps every word they wrote.
/// </summary>
public sealed class GivenTimes(IOptions<SolidayOptions> soliday, TimeProvider clock, SiteWords siteWords)
{
    public const string InvalidCode = "moment-invalid";
    public const string NotYetCode = "moment-not-yet";

    /// <summary>
    /// A time a few minutes ahead is taken: someone who types the time it is now, by a watch a little
    /// fast, is not refused. More than this is a time that has not come.
    /// </summary>
    public static readonly TimeSpan AheadAllowance = TimeSpan.FromMinutes(5);

    /// <summary>What <c>&lt;input type="time"&gt;</c> sends (with seconds when a browser adds them), and a plain 9:15 from an API client.</summary>
    private static readonly string[] Formats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>The field as sent: empty is no time; a time is placed on the day, unless it is unreadable or has not come yet.</summary>
    public GivenTime Read(string? text) => Read(text, siteWords);

    /// <summary>
    /// As <see cref="Read(string?)"/>, saying why in <paramref name="words"/>: the curators' pages
    /// are in English whatever the site's language.
    /// </summary>
    public GivenTime Read(string? text, SiteWords words)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            return new(null);
        }

        if (!TryParse(value, out var time))
        {
            return new(null, words["time.invalid"], InvalidCode);
        }

        var at = soliday.Value.At(time);
        if (at > clock.GetUtcNow() + AheadAllowance)
        {
            return new(null, words.Say("time.notYet", ("time", time.ToString(words["format.time"], words.Culture))), NotYetCode);
        }

        return new(at);
    }

    /// <summary>The time as the field shows it (<c>HH:mm</c>, what <c>&lt;input type="time"&gt;</c> takes), in the day's zone.</summary>
    public string Show(DateTimeOffset? at) =>
        at is { } moment ? TimeZoneInfo.ConvertTime(moment, soliday.Value.Zone).ToString("HH:mm", CultureInfo.InvariantCulture) : "";

    private static bool TryParse(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
