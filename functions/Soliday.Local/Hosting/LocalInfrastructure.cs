using Soliday.Local.Azurite;
using Soliday.Local.Durable;

namespace Soliday.Local.Hosting;

/// <summary>
/// What the local host starts before the app: Azurite (unless <c>AzureWebJobsStorage</c> points at
/// a storage account already) and the durable engine on top of it. Disposed in reverse order.
/// </summary>
public sealed class LocalInfrastructure : IAsyncDisposable
{
    private readonly AzuriteProcess? _azurite;

    private LocalInfrastructure(AzuriteProcess? azurite, DurableEngine engine, string storageConnectionString)
    {
        _azurite = azurite;
        Engine = engine;
        StorageConnectionString = storageConnectionString;
    }

    public DurableEngine Engine { get; }

    /// <summary>Times each stage of stopping, and ends a stop that hangs.</summary>
    public StopTrail Stopping { get; } = new(Console.WriteLine);

    public string StorageConnectionString { get; }

    public static async Task<LocalInfrastructure> StartAsync(WebApplicationBuilder builder, CancellationToken cancellationToken = default)
    {
        var configuration = builder.Configuration;
        ListenAddressCheck.EnsureFree(configuration["urls"]);
        var azuriteOptions = configuration.GetSection(AzuriteOptions.Section).Get<AzuriteOptions>() ?? new();
        var engineOptions = configuration.GetSection(DurableEngineOptions.Section).Get<DurableEngineOptions>() ?? new();

        AzuriteProcess? azurite = null;
        var connectionString = configuration[SolidayServiceCollectionExtensions.StorageConnectionKey];
        if (string.IsNullOrEmpty(connectionString))
        {
            azurite = await AzuriteProcess.StartAsync(azuriteOptions, builder.Environment.ContentRootPath, Console.WriteLine, cancellationToken);
            connectionString = azurite.ConnectionString;
        }

        try
        {
            var engine = await DurableEngine.StartAsync(connectionString, engineOptions, configuration.GetSection("Logging"), cancellationToken);
            return new LocalInfrastructure(azurite, engine, connectionString);
        }
        catch
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Stopping.Enter("the durable engine");
            await Engine.DisposeAsync();
        }
        finally
        {
            if (_azurite is not null)
            {
                Stopping.Enter("Azurite");
                await _azurite.DisposeAsync();
            }

            Stopping.Finish();
        }
    }
}
