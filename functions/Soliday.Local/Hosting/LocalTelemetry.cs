using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Soliday.Telemetry;

namespace Soliday.Local.Hosting;

/// <summary>Bound from the <c>Telemetry</c> configuration section (the local host only).</summary>
public sealed class LocalTelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// Print Soliday's spans, metrics and logs to the console as OpenTelemetry sees them. Off by
    /// default: every request prints a screenful, and the console is where the curator token is.
    /// </summary>
    public bool Console { get; set; }
}

public static class LocalTelemetry
{
    /// <summary>The same spans and meters the Functions app exports, printed to the console when asked.</summary>
    public static WebApplicationBuilder AddLocalTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LocalTelemetryOptions.Section).Get<LocalTelemetryOptions>() ?? new();
        if (!options.Console)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(SolidayTelemetry.Name).AddAspNetCoreInstrumentation().AddConsoleExporter())
            .WithMetrics(metrics => metrics.AddMeter(SolidayTelemetry.Name).AddConsoleExporter())
            .WithLogging(logging => logging.AddConsoleExporter(), logging => logging.IncludeScopes = true);
        return builder;
    }
}
