using System.Globalization;

namespace Soliday.Local.Functions;

/// <summary>
/// How often a <c>[TimerTrigger]</c> schedule fires, for the schedules that repeat at a fixed
/// interval: a <see cref="TimeSpan"/> (<c>00:00:15</c>) or a six-field NCRONTAB expression stepping
/// one field with every field below it fixed at 0 or stepped (<c>*/15 * * * * *</c>,
/// <c>0 */5 * * * *</c>). Any other schedule stops the host's start rather than running at a
/// time Azure would not.
/// </summary>
public static class TimerSchedule
{
    private static readonly TimeSpan[] FieldUnits = [TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)];

    public static TimeSpan IntervalOf(string schedule)
    {
        if (TimeSpan.TryParse(schedule, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return interval;
        }

        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6 && fields[3..].All(f => f == "*"))
        {
            for (var stepped = 0; stepped < FieldUnits.Length; stepped++)
            {
                var below = fields[..stepped];
                var above = fields[(stepped + 1)..3];
                if (Step(fields[stepped]) is { } step && below.All(f => f == "0") && above.All(f => f == "*"))
                {
                    return FieldUnits[stepped] * step;
                }
            }
        }

        throw new InvalidOperationException($"The local host runs timer schedules that repeat at a fixed interval (a TimeSpan, or NCRONTAB such as '*/15 * * * * *'); '{schedule}' is not one.");
    }

    /// <summary>"*" is a step of 1, "*/N" of N.</summary>
    private static int? Step(string field) =>
        field == "*" ? 1
        : field.StartsWith("*/", StringComparison.Ordinal) && int.TryParse(field[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) && step > 0 ? step
        : null;
}
