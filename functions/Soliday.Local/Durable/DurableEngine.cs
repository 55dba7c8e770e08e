using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Soliday.Local.Durable;

/// <summary>
/// The durable engine on a developer's machine: the Durable Task SDK's gRPC sidecar server over
/// the Azure Storage provider on Azurite, the same provider the Functions app uses in Azure, so
/// workflow state survives a restart. It runs as its own small host on a loopback port; the
/// workflows and the client reach it over gRPC, as they reach the Functions host's engine.
/// </summary>
public sealed class DurableEngine : IAsyncDisposable
{
    /// <summary>In-flight work items get this long to finish when the engine stops.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the sidecar's server waits for open gRPC streams once the engine has drained: a
    /// worker stream still open would otherwise hold it for its whole shutdown timeout (30 s), on top
    /// of the app's own, and Ctrl+C would take over a minute.
    /// </summary>
    private static readonly TimeSpan SidecarStopTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _sidecar;
    private readonly EngineLifecycle _lifecycle;
    private readonly ILogger _logger;
    private bool _drainAttempted;

    private DurableEngine(WebApplication sidecar, string address)
    {
        _sidecar = sidecar;
        _lifecycle = sidecar.Services.GetRequiredService<EngineLifecycle>();
        _logger = sidecar.Services.GetRequiredService<ILogger<DurableEngine>>();
        Address = address;
    }

    /// <summary>The gRPC address of the sidecar: <c>http://127.0.0.1:{port}</c>.</summary>
    public string Address { get; }

    public static async Task<DurableEngine> StartAsync(string storageConnectionString, DurableEngineOptions options, IConfiguration logging, CancellationToken cancellationToken)
    {
        // Its address comes as an argument, so it outranks the app's urls in appsettings.json
        // (which a host built here reads) and Kestrel has no address to warn about overriding.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--urls", "http://127.0.0.1:0"] });

        // The engine is configured here in code; of the app's settings it takes only the log levels.
        builder.Configuration.Sources.Clear();
        builder.Logging.AddConfiguration(logging);

        // The sidecar speaks gRPC over cleartext HTTP/2, which needs an HTTP/2-only endpoint.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));

        builder.Services.AddGrpc();
        builder.Services.AddSingleton<EngineLifecycle>();
        builder.Services.AddSingleton(services => new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,

            // A second start of an instance id that exists throws instead of replacing it.
            ThrowExceptionOnInvalidDedupeStatus = true,

            WorkerId = options.WorkerId,
            LoggerFactory = services.GetRequiredService<ILoggerFactory>(),
        }));
        builder.Services.AddSingleton(services => ObservedOrchestrationService.Wrap(
            services.GetRequiredService<AzureStorageOrchestrationService>(), services.GetRequiredService<EngineLifecycle>()));

        // The management API gets the service itself: the sidecar casts it to its query and purge interfaces.
        builder.Services.AddSingleton<IOrchestrationServiceClient>(services => services.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.Services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();

        // Built before start: its constructor subscribes to the host's start and stop, which drive its dispatchers.
        _ = sidecar.Services.GetRequiredService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken);

        return new DurableEngine(sidecar, sidecar.Urls.Single());
    }

    /// <summary>
    /// Stops taking work and waits for work in flight, while the worker is still connected to finish
    /// it; then the orchestration service releases its partition leases. Waits once, at most
    /// <see cref="DrainTimeout"/>: if storage is gone, stopping must still end.
    /// </summary>
    public async Task StopDispatchingAsync()
    {
        _sidecar.Lifetime.StopApplication();
        if (_lifecycle.Started.Task.IsCompleted && !_drainAttempted)
        {
            _drainAttempted = true;
            try
            {
                await _lifecycle.Stopped.Task.WaitAsync(DrainTimeout);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "The durable engine did not stop cleanly; work in flight is retried at the next start");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopDispatchingAsync();
        using (var stopping = new CancellationTokenSource(SidecarStopTimeout))
        {
            await _sidecar.StopAsync(stopping.Token);
        }

        await _sidecar.DisposeAsync();
    }
}
