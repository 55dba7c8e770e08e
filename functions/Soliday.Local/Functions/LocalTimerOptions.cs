namespace Soliday.Local.Functions;

/// <summary>Local only, bound from the <c>Timers</c> section.</summary>
public sealed class LocalTimerOptions
{
    public const string Section = "Timers";

    /// <summary>
    /// When set and shorter than a timer's schedule, the timer fires this often instead, so a test
    /// (or a developer) need not wait out the schedule. What the function then does is its own
    /// decision: the Mastodon poller still polls a server only when it is due. Unset, the schedule holds.
    /// </summary>
    public TimeSpan? Tick { get; set; }
}
