using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>Each test here stops its own host, so none shares the collection's host.</summary>
public sealed class LocalHostLifecycleTests
{
    [Fact]
    public async Task An_entry_waiting_for_a_curator_survives_a_crash_and_publishes_after_the_restart()
    {
        // The kill may land between an activity's end and the orchestration's next checkpoint; the
        // message it had taken comes back after the visibility timeout, made short here.
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Durable__ControlQueueVisibilityTimeout"] = "00:00:05",
            ["Durable__WorkItemQueueVisibilityTimeout"] = "00:00:10",
        });
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Waiting through a restart"));
        await host.Http.WaitForStatusAsync(id, "awaiting-curation");

        await host.KillAsync();
        await host.RestartAsync();

        await host.Curator.WaitForQueueAsync(id);
        using var approval = await host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        await host.Http.WaitForStatusAsync(id, "published");
        Assert.Contains("Waiting through a restart", await host.Http.EntryPageAsync(id));
    }

    [Fact]
    public async Task An_entry_no_curator_reaches_in_time_expires_unpublished()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Curation__DecisionTimeout"] = "00:00:03" });
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Nobody looked at this one"));

        var expired = await host.Http.WaitForStatusAsync(id, "rejected");

        Assert.Contains("No curator reached this entry in time", expired["reason"]!.GetValue<string>());
        Assert.DoesNotContain("Nobody looked at this one", await host.Http.WholeDayTextAsync());
        using var late = await host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Ctrl_C_stops_the_host_and_the_Azurite_it_started()
    {
        await using var host = await SolidayHost.StartAsync();
        Assert.True(host.IsListening(host.BlobPort));

        var exitCode = await host.InterruptAsync(TimeSpan.FromSeconds(60));
        await host.WaitForAzuriteToExitAsync();

        Assert.Equal(0, exitCode);
        Assert.False(host.IsListening(host.HttpPort), "the HTTP port is still open");
        Assert.False(host.IsListening(host.BlobPort), "Azurite is still running");
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "azurite.pid")), "Azurite's pid file was not removed");
    }
}
