using System.Diagnostics;
using System.Security.Cryptography;

namespace Soliday.Local.Azurite;

/// <summary>Runs <c>npm ci</c> once, from the committed lock file, so every machine runs the same Azurite.</summary>
internal static class AzuriteInstaller
{
    public static async Task EnsureInstalledAsync(string packageDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        // The marker holds the lock file's hash: a changed lock file installs again.
        var marker = Path.Combine(packageDirectory, "node_modules", ".soliday-installed");
        var wanted = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(packageDirectory, "package-lock.json"), cancellationToken)));
        if (IsInstalled(marker, wanted))
        {
            return;
        }

        // Hosts started side by side (tests) must not run two installs into one folder.
        await using var installLock = await AcquireLockAsync(Path.Combine(packageDirectory, ".install.lock"), cancellationToken);
        if (IsInstalled(marker, wanted))
        {
            return;
        }

        log("Installing Azurite from npm/package-lock.json (first run only)...");
        using var npm = Process.Start(new ProcessStartInfo("npm")
        {
            WorkingDirectory = packageDirectory,
            ArgumentList = { "ci", "--no-audit", "--no-fund", "--loglevel=error" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not run npm. Install Node.js 20 or later.");

        var stderr = npm.StandardError.ReadToEndAsync(CancellationToken.None);
        _ = npm.StandardOutput.ReadToEndAsync(CancellationToken.None);
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {packageDirectory} (exit {npm.ExitCode}):\n{await stderr}");
        }

        await File.WriteAllTextAsync(marker, wanted, cancellationToken);
    }

    private static bool IsInstalled(string marker, string lockHash) =>
        File.Exists(marker) && File.ReadAllText(marker) == lockHash;

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // Not deleted on close: a path deleted and made again could be locked by two at once.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
