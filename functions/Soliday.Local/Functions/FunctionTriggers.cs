using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Soliday.Local.Functions;

/// <summary>The Functions app's non-HTTP triggers on the local host: queue listeners, timers, and the durable worker's orchestrators and activities.</summary>
public static class FunctionTriggers
{
    /// <summary>Functions switched off by their <c>AzureWebJobs.&lt;Name&gt;.Disabled</c> setting are not bound. Call after the durable engine's shutdown service: hosted services stop in reverse, so listeners and timers stop first.</summary>
    public static IServiceCollection AddFunctionTriggers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddQueueFunctions(configuration, FunctionCatalog.With<QueueTriggerAttribute>().Enabled(configuration), FunctionsHostJson.Load());
        services.AddTimerFunctions(configuration, FunctionCatalog.With<TimerTriggerAttribute>().Enabled(configuration));

        // The default durable worker's registry (what AddTasks configures), given the services an orchestrator's context needs.
        services.AddOptions<DurableTaskRegistry>(Options.DefaultName)
            .Configure<IServiceProvider>((registry, provider) => registry.AddDurableFunctions(FunctionCatalog.All.Enabled(configuration), provider));
        return services;
    }
}
