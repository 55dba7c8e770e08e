namespace Soliday;

/// <summary>The day Soliday captures, bound from the <c>Soliday</c> configuration section.</summary>
public sealed class SolidayOptions
{
    public const string Section = "Soliday";

    /// <summary>The date of the day in the life. When unset, today in <see cref="TimeZone"/>.</summary>
    public DateOnly? Day { get; set; }

    /// <summary>An IANA time zone id; hours on the timeline are local hours of this zone.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The configured day, or today in the zone, so a developer's first run needs no settings.</summary>
    public DateOnly DayOrToday(TimeProvider clock) =>
        Day ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
}
