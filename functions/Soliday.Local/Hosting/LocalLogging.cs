using Microsoft.Extensions.Configuration.Memory;

namespace Soliday.Local.Hosting;

/// <summary>Bound from the <c>Local</c> configuration section (the local host only).</summary>
public sealed class LocalLoggingOptions
{
    public const string Section = "Local";

    /// <summary>Show the durable engine's and ASP.NET Core's information logs too, as when debugging them.</summary>
    public bool VerboseLogs { get; set; }
}

public static class LocalLogging
{
    /// <summary>
    /// At information level these print a screenful at every start (queues created, partition
    /// leases taken, every gRPC call between the worker and the engine, "Now listening on") and
    /// more every few seconds, pushing the start banner, with its addresses and the curator token,
    /// off the screen. So does "Function", the "Executing/Executed 'Functions.X'" pair the local host
    /// writes for every call as the Functions host does: a timer alone would add two lines every 15 s.
    /// Soliday's own logs stay at information.
    /// </summary>
    private static readonly string[] ChattyAtInformation =
    [
        "DurableTask", "Microsoft.DurableTask", "Microsoft.AspNetCore", "Microsoft.Hosting.Lifetime", "Grpc", "Function",
    ];

    /// <summary>
    /// Logs a failed start as a stack trace at error level, burying the one line Program.cs prints
    /// about it. A background service that brings the host down is still logged, at critical level.
    /// </summary>
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>Keeps the engine and the framework to warnings and errors, and a failed start to one line, unless <c>Local:VerboseLogs</c> is on.</summary>
    public static WebApplicationBuilder AddQuietLogging(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetSection(LocalLoggingOptions.Section).Get<LocalLoggingOptions>()?.VerboseLogs == true)
        {
            return builder;
        }

        // First, so the weakest: a level set for one of these anywhere (appsettings.json, the
        // environment, the command line) still wins over this default.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = ChattyAtInformation.Select(category => Level(category, LogLevel.Warning)).Append(Level(HostCategory, LogLevel.Critical)),
        });
        return builder;
    }

    private static KeyValuePair<string, string?> Level(string category, LogLevel level) =>
        KeyValuePair.Create<string, string?>($"Logging:LogLevel:{category}", $"{level}");
}
