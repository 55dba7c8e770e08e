using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;

namespace Soliday.Testing;

/// <summary>
/// Soliday.Local running as its own process, as a developer starts it: its own Azurite on free
/// ports, the durable engine, the HTTP endpoints. The data folder outlives a restart.
/// </summary>
public sealed class SolidayHost : IAsyncDisposable
{
    private static readonly string LocalDirectory = typeof(SolidayHost).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SolidayLocalDirectory").Value!;

    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, string> _settings;
    private Process? _process;
    private bool _readyOnAnyAnswer;

    private SolidayHost(string dataDirectory, Dictionary<string, string> settings)
    {
        DataDirectory = dataDirectory;
        _settings = settings;
        CuratorToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var ports = LoopbackPorts.Free(4);
        (HttpPort, BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2], ports[3]);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}") };
        Curator = new HttpClient { BaseAddress = Http.BaseAddress };
        Curator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CuratorToken);
        Blobs = new BlobServiceClient(StorageConnectionString);
    }

    /// <summary>
    /// Azurite checks every document its whole save writes from a text kept since the last save
    /// against the document as it is now (functions/Soliday.Local/npm/save-in-slices.js), and a host
    /// that saw one differ fails its test as it stops. A document that changed without LokiJS counting
    /// its revision would differ so; the saves between whole ones (save-changes-only.js) rely on
    /// there being none. On for tests; the benchmarks turn it off, since it makes each whole save as
    /// slow as without the kept texts.
    /// </summary>
    public static bool CheckAzuriteSaves { get; set; } = true;

    /// <summary>What Azurite writes to its log for a kept text that no longer matches its document.</summary>
    private const string StaleSave = "went stale";

    public string DataDirectory { get; }
    public string CuratorToken { get; }

    /// <summary>The host's signing key, so a test can make tokens the host would (expired ones, say).</summary>
    public string SigningKey { get; }
    public int HttpPort { get; }
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    /// <summary>A resident's or the public's client: no credentials, redirects not followed.</summary>
    public HttpClient Http { get; }

    /// <summary>A curator's client: the curator token on every request.</summary>
    public HttpClient Curator { get; }

    /// <summary>The host's queues, as a connection string (Azurite's published development account).</summary>
    public string QueueConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;";

    /// <summary>The host's blobs and queues, as a connection string (Azurite's published development account).</summary>
    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;";

    /// <summary>The host's tables (the durable engine's history and instances), as a connection string.</summary>
    public string TableConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>The host's storage, to check what was (and was not) written.</summary>
    public BlobServiceClient Blobs { get; }

    public int? ProcessId => _process?.Id;

    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static async Task<SolidayHost> StartAsync(Dictionary<string, string>? settings = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "soliday-tests", Guid.NewGuid().ToString("N"));
        var host = new SolidayHost(data, settings ?? []);
        await host.StartProcessAsync();
        return host;
    }

    /// <summary>
    /// Starts the host and returns as soon as it answers at all, ready or not: for a host started
    /// before its storage or secrets are there (its <c>/api/health</c> then says what it waits for).
    /// </summary>
    public static async Task<SolidayHost> StartAnsweringAsync(Dictionary<string, string> settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "soliday-tests", Guid.NewGuid().ToString("N"));
        var host = new SolidayHost(data, settings) { _readyOnAnyAnswer = true };
        await host.StartProcessAsync();
        return host;
    }

    /// <summary>Starts the host again on the same data, as after a crash or a reboot.</summary>
    public Task RestartAsync() => StartProcessAsync();

    /// <summary>Starts the host again on the same data with some settings changed, as after a deployment changes them.</summary>
    public Task RestartAsync(Dictionary<string, string> changes)
    {
        foreach (var (key, value) in changes)
        {
            _settings[key] = value;
        }

        return StartProcessAsync();
    }

    /// <summary>Ends the host abruptly (SIGKILL): no chance to clean up or finish anything.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
        await WaitForAzuriteToExitAsync();
    }

    /// <summary>Stops the host as Ctrl+C does (SIGINT) and returns its exit code.</summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        using var kill = Process.Start("kill", ["-INT", $"{_process!.Id}"]);
        await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"Soliday.Local had not exited {timeout.TotalSeconds} s after SIGINT. It said:\n{Output}", e);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            await KillAsync();
        }

        _process?.Dispose();
        Http.Dispose();
        Curator.Dispose();
        var azuriteLog = Path.Combine(DataDirectory, "azurite.log");
        var stale = File.Exists(azuriteLog) ? File.ReadLines(azuriteLog).FirstOrDefault(line => line.Contains(StaleSave, StringComparison.Ordinal)) : null;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind harms nothing.
        }

        if (stale is not null)
        {
            throw new InvalidOperationException($"Azurite saved a document from a text that no longer matched it: {stale}");
        }
    }

    /// <summary>
    /// Azurite under the killed host notices its stdin close and saves before it exits; the next
    /// start must not share the data folder with it. Its pid is in the data folder.
    /// </summary>
    public async Task WaitForAzuriteToExitAsync()
    {
        var pidFile = Path.Combine(DataDirectory, "azurite.pid");
        if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid))
        {
            try
            {
                using var azurite = Process.GetProcessById(pid);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await azurite.WaitForExitAsync(wait.Token);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    public bool IsListening(int port)
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

    private async Task StartProcessAsync()
    {
        // Through env, so Ctrl+C (SIGINT) reaches the host as it does from a terminal: a test run started
        // in the background (a CI job, `cmd &`) has SIGINT ignored, every child inherits that, and the
        // .NET runtime leaves an ignored signal ignored, so the host would never hear it.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = LocalDirectory,
            ArgumentList = { "--default-signal=INT", "dotnet", Path.Combine(LocalDirectory, "Soliday.Local.dll"), "--urls", $"http://127.0.0.1:{HttpPort}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Azurite__Location"] = DataDirectory,
                ["Azurite__BlobPort"] = $"{BlobPort}",
                ["Azurite__QueuePort"] = $"{QueuePort}",
                ["Azurite__TablePort"] = $"{TablePort}",
                ["Curation__LocalToken"] = CuratorToken,
                ["Submissions__SigningKey"] = SigningKey,
                ["Logging__LogLevel__Default"] = "Warning",
                ["SOLIDAY_AZURITE_CHECK_SAVES"] = CheckAzuriteSaves ? "1" : "0",

                // Every test sends from 127.0.0.1: the rate limits have their own tests, with their own hosts.
                ["Submissions__RateLimitPerHour"] = "50000",
                ["Submissions__AttemptLimitPerHour"] = "50000",
                ["Curation__WrongTokenLimitPerHour"] = "50000",
            },
        };
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>Ready when the form answers; the first run also installs Azurite, so allow minutes.</summary>
    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                // Exited is not yet read to the end: this waits for the last lines its readers have yet to pass on.
                await _process.WaitForExitAsync();
                throw new InvalidOperationException($"Soliday.Local exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(_readyOnAnyAnswer ? "/api/health" : "/api/submit");
                if (response.IsSuccessStatusCode || _readyOnAnyAnswer)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Soliday.Local did not answer within 5 minutes:\n{Output}");
    }
}
