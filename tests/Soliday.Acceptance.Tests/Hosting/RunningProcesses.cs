using System.Diagnostics;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// Processes on this machine, read from /proc (the tests run on Linux, as the project's machine
/// does): what the host started, and what it left behind.
/// </summary>
internal static class RunningProcesses
{
    public static List<int> WithCommandLineContaining(string text) =>
        [.. All().Where(pid => CommandLine(pid).Contains(text, StringComparison.Ordinal))];

    /// <summary>The launcher the host runs Azurite under (npm/run-azurite.js), in the host's process group.</summary>
    public static int AzuriteLauncherOf(int hostPid) =>
        All().Single(pid => ParentOf(pid) == hostPid && CommandLine(pid).Contains("run-azurite.js", StringComparison.Ordinal));

    /// <summary>
    /// Sends one signal to several processes in the order given, as one <c>kill</c> command does; a
    /// <c>kill -9</c> of a terminal's process group reaches the host and the launcher, not Azurite,
    /// which runs in a group of its own.
    /// </summary>
    public static async Task SignalAsync(string signal, params int[] pids)
    {
        using var kill = Process.Start("kill", [$"-{signal}", .. pids.Select(pid => $"{pid}")]);
        await kill.WaitForExitAsync();
    }

    public static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    public static async Task WaitForExitAsync(int pid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (IsRunning(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static IEnumerable<int> All() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0);

    private static string CommandLine(int pid) => Read($"/proc/{pid}/cmdline").Replace('\0', ' ');

    private static int ParentOf(int pid)
    {
        var fields = StateFields(pid);
        return fields.Length > 1 && int.TryParse(fields[1], out var parent) ? parent : 0;
    }

    private static bool IsZombie(int pid) => StateFields(pid) is ["Z", ..];

    /// <summary>
    /// /proc/[pid]/stat after the name: "state ppid ...". The name may hold spaces, so this reads
    /// after its last ')'. None for a process that ended between the listing and this read.
    /// </summary>
    private static string[] StateFields(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var afterName = stat.LastIndexOf(')') + 2;
        return afterName < 2 || afterName > stat.Length ? [] : stat[afterName..].Split(' ');
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ""; // ended while we looked
        }
    }
}
