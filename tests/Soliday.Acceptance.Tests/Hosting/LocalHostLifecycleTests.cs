using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>Each test here stops its own host, so none shares the collection's host.</summary>
public sealed class LocalHostLifecycleTests
{
    [Fact]
    public async Task Entries_waiting_for_a_curator_survive_a_crash_and_are_decided_after_the_restart()
    {
        // The kill may land between an activity's end and the orchestration's next checkpoint; the
        // message it had taken comes back after the visibility timeout, made short here.
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Durable__ControlQueueVisibilityTimeout"] = "00:00:05",
            ["Durable__WorkItemQueueVisibilityTimeout"] = "00:00:10",
        });
        var ids = new List<string>();
        foreach (var n in Enumerable.Range(1, 3))
        {
            ids.Add(await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", $"Waiting through a restart, number {n}")));
        }

        foreach (var id in ids)
        {
            await host.Http.WaitForStatusAsync(id, "awaiting-curation");
        }

        await host.KillAsync();
        await host.RestartAsync();

        foreach (var id in ids)
        {
            await host.Curator.WaitForQueueAsync(id);
        }

        using var first = await host.Curator.ApproveAsync(ids[0]);
        using var second = await host.Curator.ApproveAsync(ids[1]);
        using var third = await host.Curator.RejectAsync(ids[2], "Too dark to make out.");
        Assert.All(new[] { first, second, third }, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await host.Http.WaitForStatusAsync(ids[0], "published");
        await host.Http.WaitForStatusAsync(ids[1], "published");
        await host.Http.WaitForStatusAsync(ids[2], "rejected");
        Assert.Contains("Waiting through a restart, number 1", await host.Http.EntryPageAsync(ids[0]));
        Assert.Contains("Waiting through a restart, number 2", await host.Http.EntryPageAsync(ids[1]));
        Assert.DoesNotContain("Waiting through a restart, number 3", await host.Http.WholeDayTextAsync());
        Assert.Empty(await host.Curator.QueueAsync());
    }

    [Fact]
    public async Task An_entry_no_curator_reaches_in_time_expires_unpublished()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Curation__DecisionTimeout"] = "00:00:03" });
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Nobody looked at this one").WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg"));
        await host.Curator.WaitForQueueAsync(id);
        Assert.NotEmpty(await host.BlobNamesAsync(StorageLayout.Renditions, $"{id}/"));

        var expired = await host.Http.WaitForStatusAsync(id, "rejected");

        Assert.Contains("No curator reached this entry in time", expired["reason"]!.GetValue<string>());
        Assert.DoesNotContain("Nobody looked at this one", await host.Http.WholeDayTextAsync());
        Assert.Empty(await host.BlobNamesAsync(StorageLayout.Renditions, $"{id}/"));
        Assert.Empty(await host.BlobNamesAsync(StorageLayout.Uploads, $"{id}/")); // the original, with its GPS, goes too
        using var late = await host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task An_entry_nobody_reaches_is_listed_overdue_first_then_expires_unpublished()
    {
        // The entry waits on one timer at a time: the reminder's, then, once that has fired, the expiry's.
        await using var host = await SolidayHost.StartAsync(new() { ["Curation__ReminderAfter"] = "00:00:02", ["Curation__DecisionTimeout"] = "00:00:08" });
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Reminded, then let go"));

        await SolidayApi.EventuallyAsync(
            async () => (await host.Curator.QueueAsync()).Any(e => e!["id"]!.GetValue<string>() == id
                && e["flags"]!.AsArray().Any(f => f!["code"]!.GetValue<string>() == "overdue")),
            "the entry is listed as overdue");
        var expired = await host.Http.WaitForStatusAsync(id, "rejected");

        Assert.Contains("No curator reached this entry in time", expired["reason"]!.GetValue<string>());
        await SolidayApi.EventuallyAsync(async () => (await host.Curator.QueueAsync()).Count == 0, "its card off the board"); // taken off after the record says so
    }

    [Fact]
    public async Task Ctrl_C_stops_the_host_and_the_Azurite_it_started()
    {
        await using var host = await SolidayHost.StartAsync();
        Assert.True(host.IsListening(host.BlobPort));

        var exitCode = await host.InterruptAsync(TimeSpan.FromSeconds(60));
        await host.WaitForAzuriteToExitAsync();

        Assert.True(exitCode == 0, $"Soliday.Local exited with {exitCode}. It said:\n{host.Output}");
        Assert.False(host.IsListening(host.HttpPort), "the HTTP port is still open");
        Assert.False(host.IsListening(host.BlobPort), "Azurite is still running");
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "azurite.pid")), "Azurite's pid file was not removed");
    }
}
