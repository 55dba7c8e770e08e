using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Soliday.Local.Azurite;

/// <summary>
/// Installs Azurite from the pinned npm lock file on first use, starts it, and stops it again.
/// Azurite runs under <c>npm/run-azurite.js</c>, which shuts it down cleanly when this process's
/// end closes its stdin, and Azurite watches run-azurite.js the same way: stopped or killed, even
/// with its whole process group, Soliday.Local leaves no emulator behind. Should one still be
/// saving when the next start comes, that start waits for it (<see cref="LeftoverAzurite"/>).
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>Azurite's documented development account: public, not a secret.</summary>
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string PidFileName = "azurite.pid";
    private const string LogFileName = "azurite.log";

    private readonly Process _process;
    private readonly string _pidFile;
    private readonly FileStream _folderLock;

    private AzuriteProcess(Process process, string pidFile, FileStream folderLock, string connectionString)
    {
        _process = process;
        _pidFile = pidFile;
        _folderLock = folderLock;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>The folder holding package.json, the lock file and run-azurite.js, found at build time.</summary>
    public static string PackageDirectory { get; } =
        typeof(AzuriteProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AzuriteDirectory").Value!;

    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions options, string contentRoot, Action<string> log, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);

        await AzuriteInstaller.EnsureInstalledAsync(PackageDirectory, log, timeout.Token);

        var location = Path.GetFullPath(options.Location, contentRoot);
        Directory.CreateDirectory(location);
        var folderLock = DataFolderLock.Acquire(location);
        var pidFile = Path.Combine(location, PidFileName);
        Process process;
        var (blob, queue, table) = (PortOrFree(options.BlobPort), PortOrFree(options.QueuePort), PortOrFree(options.TablePort));
        try
        {
            await LeftoverAzurite.StopAsync(pidFile, log, timeout.Token);
            if (new[] { blob, queue, table }.FirstOrDefault(IsListening) is var taken and > 0)
            {
                // Someone else's emulator would answer in ours' place, with other data: refuse instead.
                throw new InvalidOperationException(
                    $"Port {taken} is already in use, perhaps by another Azurite. Stop it, or choose other ports " +
                    "(Azurite__BlobPort, Azurite__QueuePort, Azurite__TablePort; 0 picks free ones).");
            }

            process = Process.Start(LauncherStartInfo(location, blob, queue, table))
                ?? throw new InvalidOperationException("Could not start node to run Azurite. Install Node.js 20 or later.");
        }
        catch
        {
            await folderLock.DisposeAsync();
            throw;
        }

        var azurite = new AzuriteProcess(process, pidFile, folderLock, ConnectionStringFor(blob, queue, table));
        try
        {
            await RecordAzuriteProcessAsync(process, pidFile, timeout.Token);
            await WaitUntilListeningAsync(process, [blob, queue, table], timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            await azurite.DisposeAsync();
            var logFile = Path.Combine(location, LogFileName);
            var said = File.Exists(logFile) ? string.Join('\n', (await File.ReadAllLinesAsync(logFile, CancellationToken.None)).TakeLast(20)) : "";
            throw new InvalidOperationException($"Azurite did not start on ports {blob}, {queue}, {table}. The end of {logFile}:\n{said}", e);
        }

        log($"Azurite is running (blob {blob}, queue {queue}, table {table}); data in {location}");
        return azurite;
    }

    /// <summary>Closing stdin asks Azurite to save and stop; it is killed only if it does not within 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        File.Delete(_pidFile);
        _process.Dispose();
        await _folderLock.DisposeAsync();
    }

    private static ProcessStartInfo LauncherStartInfo(string location, int blob, int queue, int table) => new("node")
    {
        WorkingDirectory = PackageDirectory,
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        ArgumentList =
        {
            "run-azurite.js", "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--location", location,
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
        },
    };

    /// <summary>
    /// run-azurite.js prints the id of Azurite's own process, the one that holds the ports and the
    /// data; it goes in the data folder, so the next start can find it if it outlives this host.
    /// </summary>
    private static async Task RecordAzuriteProcessAsync(Process launcher, string pidFile, CancellationToken cancellationToken)
    {
        var line = await launcher.StandardOutput.ReadLineAsync(cancellationToken);
        if (!int.TryParse(line, out var pid))
        {
            throw new InvalidOperationException(launcher.HasExited ? $"Azurite exited with code {launcher.ExitCode}." : $"run-azurite.js said '{line}', not Azurite's process id.");
        }

        await File.WriteAllTextAsync(pidFile, $"{pid}", cancellationToken);
    }

    private static string ConnectionStringFor(int blob, int queue, int table) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blob}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{queue}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{table}/{AccountName};";

    private static async Task WaitUntilListeningAsync(Process process, int[] ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            while (!IsListening(port))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int PortOrFree(int port)
    {
        if (port != 0)
        {
            return port;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
