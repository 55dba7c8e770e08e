using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Operations;

/// <summary>
/// A host as someone on duty runs it to see what happens: OpenTelemetry printed to the console
/// (<c>Telemetry:Console</c>) and Soliday's own information logs kept.
/// </summary>
public sealed class OperationsHost : IAsyncLifetime
{
    public SolidayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SolidayHost.StartAsync(new()
    {
        ["Telemetry__Console"] = "true",
        ["Logging__LogLevel__Soliday"] = "Information",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
