using System.ComponentModel;
using System.Diagnostics;

namespace Soliday.Local.Azurite;

/// <summary>
/// The Azurite of an earlier run on this data folder, found by the process id recorded there.
/// Its host is gone (the host holds <see cref="DataFolderLock"/> while it lives), and it saves and
/// stops by itself once it notices; but two Azurites on one folder would overwrite each other's
/// metadata, so a new start waits for it, and ends it if it hangs.
/// </summary>
internal static class LeftoverAzurite
{
    /// <summary>Azurite saves and stops within a second or two; ten allows for a busy machine.</summary>
    private static readonly TimeSpan SavingGrace = TimeSpan.FromSeconds(10);

    /// <summary>Process start times are read to the second from the boot time on Linux.</summary>
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    public static async Task StopAsync(string pidFile, Action<string> log, CancellationToken cancellationToken)
    {
        using var leftover = Find(pidFile);
        if (leftover is not null)
        {
            log($"Waiting for the Azurite left by an earlier run (process {leftover.Id}) to finish saving...");
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(SavingGrace);
            try
            {
                await leftover.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                log($"It had not stopped after {SavingGrace.TotalSeconds:0} s; ending it.");
                leftover.Kill();
                await leftover.WaitForExitAsync(cancellationToken);
            }
        }

        File.Delete(pidFile);
    }

    private static Process? Find(string pidFile)
    {
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile), out var pid))
        {
            return null;
        }

        Process process;
        try
        {
            process = Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null; // gone already
        }

        try
        {
            // Process ids are reused. The Azurite named in the file started before the file was
            // written; a process that took its id after it ended started later.
            var recorded = File.GetLastWriteTimeUtc(pidFile) + StartTimeTolerance;
            if (process.ProcessName.StartsWith("node", StringComparison.Ordinal) && process.StartTime.ToUniversalTime() <= recorded)
            {
                return process;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It ended while we looked, or it is another user's: not ours either way.
        }

        process.Dispose();
        return null;
    }
}
