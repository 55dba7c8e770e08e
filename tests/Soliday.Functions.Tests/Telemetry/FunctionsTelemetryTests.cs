using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using Soliday.Functions.Telemetry;

namespace Soliday.Functions.Tests.Telemetry;

/// <summary>The worker's telemetry as Program.cs sets it up: sent to Application Insights only when the app settings say where, with the identity they name.</summary>
public sealed class FunctionsTelemetryTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/";

    [Fact]
    public void With_a_connection_string_traces_go_to_Azure_Monitor_with_the_deployments_identity()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration[ApplicationInsightsSettings.ConnectionStringKey] = ConnectionString;
        builder.Configuration[ApplicationInsightsSettings.AuthenticationStringKey] = "Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001";

        builder.AddSolidayTelemetry();
        using var host = builder.Build();

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        var exporter = host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Equal(ConnectionString, exporter.ConnectionString);
        Assert.IsType<ManagedIdentityCredential>(exporter.Credential);
    }

    [Fact]
    public void Without_a_connection_string_traces_are_made_but_sent_nowhere()
    {
        var builder = FunctionsApplication.CreateBuilder([]);

        builder.AddSolidayTelemetry();
        using var host = builder.Build();

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName).ConnectionString);
    }
}
