using System.Diagnostics;

namespace Soliday.Infrastructure.Tests.Support;

/// <summary>The Bicep CLI from its NuGet package, run as a developer runs it.</summary>
public static class BicepCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"bicep exited {ExitCode}:\n{Output}";
    }

    public static Result Run(params string[] arguments)
    {
        EnsureExecutable();
        var start = new ProcessStartInfo(Repository.BicepPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.File("infra"),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry, no update checks: the tests run offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, (output + error.Result).Trim());
    }

    /// <summary>NuGet may extract the executable without its execute bit.</summary>
    private static void EnsureExecutable()
    {
        if (!File.Exists(Repository.BicepPath))
        {
            throw new FileNotFoundException($"The Bicep CLI is not where its package said: {Repository.BicepPath}. Restore the solution first.");
        }

        if (OperatingSystem.IsWindows())
        {
            return; // the package for this machine is linux-x64; nothing to mark on Windows
        }

        var mode = File.GetUnixFileMode(Repository.BicepPath);
        if (!mode.HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(Repository.BicepPath, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }
}
