using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;
using Xunit.Abstractions;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// What a volunteer meets after the host was killed outright, or failed to start: the next
/// `dotnet run` just works, and nothing is left running. Each test has its own host.
/// </summary>
public sealed class LocalHostRecoveryTests(ITestOutputHelper output)
{
    /// <summary>Azurite stops as soon as it notices its launcher gone; this allows for a busy machine.</summary>
    private static readonly TimeSpan AzuriteNoticeTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Azurite saves its metadata every 5 seconds; a test that kills Azurite itself waits this long
    /// first, so what it checks afterwards was saved before the kill.
    /// </summary>
    private static readonly TimeSpan AzuriteSaveInterval = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task After_kill_9_of_the_host_and_its_process_group_the_same_command_starts_again_and_the_entry_still_awaits_curation()
    {
        await using var host = await StartHostAsync();
        var id = await SubmitAndWaitForCurationAsync(host, "Waiting through a kill -9");
        var azurite = AzuritePid(host);
        var launcher = RunningProcesses.AzuriteLauncherOf(host.ProcessId!.Value);

        // The launcher first, so it cannot stop Azurite itself on seeing the host go.
        await RunningProcesses.SignalAsync("KILL", launcher, host.ProcessId!.Value);
        await RunningProcesses.WaitForExitAsync(azurite, AzuriteNoticeTimeout);
        var leftBehind = RunningProcesses.IsRunning(azurite) || host.IsListening(host.BlobPort);
        await RestartUntilHealthyAsync(host);

        Assert.False(leftBehind, "Azurite outlived its host and launcher, holding the storage ports");
        await AssertStillAwaitingAndApprovableAsync(host, id);
    }

    [Fact]
    public async Task An_Azurite_left_hanging_by_a_killed_host_is_ended_by_the_next_start_and_its_files_do_not_block_it()
    {
        await using var host = await StartHostAsync();
        var id = await SubmitAndWaitForCurationAsync(host, "Waiting through a hung emulator");
        await Task.Delay(AzuriteSaveInterval);
        var azurite = AzuritePid(host);
        var launcher = RunningProcesses.AzuriteLauncherOf(host.ProcessId!.Value);

        // Stopped, Azurite cannot notice anything: it still holds its ports and its files when the next start comes.
        await RunningProcesses.SignalAsync("STOP", azurite);
        await RunningProcesses.SignalAsync("KILL", launcher, host.ProcessId!.Value);
        await RestartUntilHealthyAsync(host);

        Assert.False(RunningProcesses.IsRunning(azurite), "the hung Azurite is still there");
        Assert.Contains($"Waiting for the Azurite left by an earlier run (process {azurite})", host.Output);
        Assert.Contains("ending it", host.Output);
        await AssertStillAwaitingAndApprovableAsync(host, id);
    }

    [Fact]
    public async Task A_start_on_a_port_another_program_holds_fails_with_one_clear_line_and_leaves_no_Azurite_behind()
    {
        await using var host = await SolidayHost.StartAsync();
        await host.KillAsync();
        using var squatter = new TcpListener(IPAddress.Loopback, host.HttpPort);
        squatter.Start();
        using var stop = new CancellationTokenSource();
        var refusing = RefuseEveryConnectionAsync(squatter, stop.Token);

        var earlierOutput = host.Output.Length;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(host.RestartAsync);
        await stop.CancelAsync();
        await refusing;

        Assert.Contains("exited with code 1", failure.Message);
        Assert.Equal(
            [$"Soliday.Local could not start: Failed to bind to address http://127.0.0.1:{host.HttpPort}: address already in use. " +
             "Another program is using that port: stop it, or give Soliday another (--urls http://127.0.0.1:7072)."],
            Lines(host.Output[earlierOutput..]));
        Assert.Empty(RunningProcesses.WithCommandLineContaining(host.DataDirectory));
        Assert.False(host.IsListening(host.BlobPort), "Azurite is still listening");
    }

    [Fact]
    public async Task A_start_with_a_bad_setting_fails_with_one_clear_line_and_stops_the_Azurite_it_started()
    {
        await using var host = await SolidayHost.StartAsync();
        await host.KillAsync();

        var earlierOutput = host.Output.Length;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.RestartAsync(new() { ["Soliday__TimeZone"] = "Mars/Olympus_Mons" }));

        var said = Lines(host.Output[earlierOutput..]);
        Assert.Contains("exited with code 1", failure.Message);
        Assert.StartsWith("Azurite is running", said[0]);
        Assert.Equal("Soliday.Local could not start: The time zone ID 'Mars/Olympus_Mons' was not found on the local computer.", said[^1]);
        Assert.Equal(2, said.Count); // no stack trace
        Assert.Empty(RunningProcesses.WithCommandLineContaining(host.DataDirectory));
        Assert.False(host.IsListening(host.BlobPort), "Azurite is still listening");
    }

    [Fact]
    public async Task A_second_host_on_the_same_data_folder_is_refused_and_the_first_keeps_its_Azurite()
    {
        await using var host = await SolidayHost.StartAsync();
        var azurite = AzuritePid(host);

        var (exitCode, said) = await RunSecondHostAsync(host.DataDirectory);

        Assert.Equal(1, exitCode);
        Assert.Equal([$"Soliday.Local could not start: Another Soliday.Local is using the data folder {host.DataDirectory}. " +
            "Stop it, or give this one another folder (Azurite__Location)."], Lines(said));
        Assert.True(RunningProcesses.IsRunning(azurite), "the first host's Azurite was stopped");
        using var health = await host.Http.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    /// <summary>
    /// The kill may land between an activity's end and the orchestration's next checkpoint; the
    /// message it had taken comes back after the visibility timeout, made short here.
    /// </summary>
    private static Task<SolidayHost> StartHostAsync() => SolidayHost.StartAsync(new()
    {
        ["Durable__ControlQueueVisibilityTimeout"] = "00:00:05",
        ["Durable__WorkItemQueueVisibilityTimeout"] = "00:00:10",
    });

    /// <summary>Soliday.Local as a second person would start it by mistake: other ports, the same data folder.</summary>
    private static async Task<(int ExitCode, string Output)> RunSecondHostAsync(string dataDirectory)
    {
        var directory = typeof(LocalHostRecoveryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SolidayLocalDirectory").Value!;
        using var second = Process.Start(new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            ArgumentList = { Path.Combine(directory, "Soliday.Local.dll"), "--urls", "http://127.0.0.1:0" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["Azurite__Location"] = dataDirectory,
                ["Azurite__BlobPort"] = "0",
                ["Azurite__QueuePort"] = "0",
                ["Azurite__TablePort"] = "0",
            },
        })!;
        var stdout = second.StandardOutput.ReadToEndAsync();
        var stderr = second.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await second.WaitForExitAsync(patience.Token);
        return (second.ExitCode, await stdout + await stderr);
    }

    /// <summary>Another program on the port: it hangs up on everyone, so the readiness checks fail fast.</summary>
    private static async Task RefuseEveryConnectionAsync(TcpListener squatter, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var connection = await squatter.AcceptTcpClientAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The test is done with the port.
        }
    }

    private static async Task<string> SubmitAndWaitForCurationAsync(SolidayHost host, string caption)
    {
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", caption));
        await host.Http.WaitForStatusAsync(id, "awaiting-curation");
        return id;
    }

    private static List<string> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int AzuritePid(SolidayHost host) =>
        int.Parse(File.ReadAllText(Path.Combine(host.DataDirectory, "azurite.pid")), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Starts the host again and waits for the health endpoint to say storage answers, as a volunteer
    /// would check. The time it took is printed as a figure, not asserted: on a loaded machine it
    /// varies (docs/benchmarks.md has it measured on a quiet one); a start that hangs fails by the
    /// host's own start timeout.
    /// </summary>
    private async Task RestartUntilHealthyAsync(SolidayHost host)
    {
        var clock = Stopwatch.StartNew();
        await host.RestartAsync();
        await SolidayApi.EventuallyAsync(async () =>
        {
            using var health = await host.Http.GetAsync("/api/health");
            return health.StatusCode == HttpStatusCode.OK;
        }, "the health endpoint to answer");
        var elapsed = clock.Elapsed;
        output.WriteLine($"Restart over the same data folder: ready (health OK) after {elapsed.TotalSeconds:0.0} s");
    }

    private static async Task AssertStillAwaitingAndApprovableAsync(SolidayHost host, string id)
    {
        await host.Curator.WaitForQueueAsync(id);
        using var approval = await host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        await host.Http.WaitForStatusAsync(id, "published");
    }
}
