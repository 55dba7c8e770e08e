using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// A host whose log says which function answered each request ("Executing 'Functions.X'", as the
/// Functions host says it), whatever the default log level is.
/// </summary>
public sealed class EveryFunctionHost : IAsyncLifetime
{
    public SolidayHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SolidayHost.StartAsync(new()
    {
        ["Soliday__Day"] = SharedHost.Day,
        ["Logging__LogLevel__Function"] = "Information",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
