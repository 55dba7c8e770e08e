namespace Soliday.Entries;

/// <summary>The day Soliday captures, bound from the <c>Soliday</c> configuration section.</summary>
public sealed class SolidayOptions
{
    public const string Section = "Soliday";

    /// <summary>
    /// The date of the day in the life; the site is its timeline. Required: a day that moved on by
    /// itself at midnight would empty the site. Soliday.Local sets today when none is given.
    /// </summary>
    public DateOnly Day { get; set; }

    /// <summary>An IANA time zone id; hours on the timeline are local hours of this zone.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The local date of a moment in the day's zone.</summary>
    public DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    /// <summary>
    /// The moment at <paramref name="time"/> on the day, in the day's zone. A time the clocks skip
    /// (01:30 when summer time starts) or repeat (when it ends) takes the zone's standard offset.
    /// </summary>
    public DateTimeOffset At(TimeOnly time)
    {
        var local = Day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
