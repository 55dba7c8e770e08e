using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Soliday.Telemetry;

namespace Soliday.Functions.Telemetry;

public static class FunctionsTelemetry
{
    /// <summary>
    /// OpenTelemetry in the worker, correlated with the host's (host.json sets <c>telemetryMode</c>):
    /// the Functions worker's own spans, Soliday's spans and metrics, and logs; exported to Azure
    /// Monitor only when its connection string is set, so a local run without one exports nothing.
    /// </summary>
    public static FunctionsApplicationBuilder AddSolidayTelemetry(this FunctionsApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(SolidayTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(SolidayTelemetry.Name));

        if (ApplicationInsightsSettings.From(builder.Configuration) is { } insights)
        {
            telemetry.UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = insights.ConnectionString;
                exporter.Credential = insights.Credential;
            });
        }

        return builder;
    }
}
