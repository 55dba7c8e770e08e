using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>
/// Idle means idle (issue 18): with no Mastodon server (and no Bluesky account) configured the poll timers are switched off,
/// as the Bicep switches it off in Azure, so nothing runs (or is billed) while nobody posts. The
/// hosts with servers (HashtagHost) show the timer still polls when there is something to read.
/// </summary>
public sealed class IdleHostTests
{
    private const string PollMarker = "Executing 'Functions.PollMastodon'";

    /// <summary>Several ticks of the 1-second timer: long enough for a running timer to be seen.</summary>
    private static readonly TimeSpan SeveralTicks = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_host_with_no_Mastodon_server_never_runs_the_poll_timer_unless_told_to()
    {
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Soliday__Day"] = SharedHost.Day,
            ["Timers__Tick"] = "00:00:01",
            ["Logging__LogLevel__Function"] = "Information",
        });

        // The log does show functions running: a request's function is logged...
        (await host.Http.GetAsync(new Uri("/api/submit", UriKind.Relative))).EnsureSuccessStatusCode();
        await Task.Delay(SeveralTicks);
        Assert.Contains("Executing 'Functions.SubmitForm'", host.Output, StringComparison.Ordinal);

        // ...but the timers never fired: neither Mastodon's nor, with no Bluesky account, Bluesky's.
        Assert.DoesNotContain(PollMarker, host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executing 'Functions.PollBluesky'", host.Output, StringComparison.Ordinal);

        // The switch is the setting, not a missing timer: set to false, the same host polls (nothing) each tick.
        await host.KillAsync();
        await host.RestartAsync(new() { ["AzureWebJobs__PollMastodon__Disabled"] = "false" });
        var deadline = DateTime.UtcNow + SeveralTicks + SeveralTicks;
        while (!host.Output.Contains(PollMarker, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        Assert.Contains(PollMarker, host.Output, StringComparison.Ordinal);
    }
}
