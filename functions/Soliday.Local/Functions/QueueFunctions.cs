using Microsoft.Azure.Functions.Worker;
using Soliday.Local.Hosting;

namespace Soliday.Local.Functions;

/// <summary>
/// A listener for each <c>[QueueTrigger]</c> function, on the queue its attribute names
/// (<c>%Setting%</c> resolved), retrying and setting aside as host.json's <c>extensions.queues</c>
/// says; the message is bound as the text the trigger takes.
/// </summary>
public static class QueueFunctions
{
    public static IServiceCollection AddQueueFunctions(this IServiceCollection services, IConfiguration configuration, IEnumerable<DiscoveredFunction> functions, FunctionsHostJson hostJson)
    {
        services.AddOptions<LocalQueueOptions>()
            .Configure(hostJson.ApplyQueueSettings)
            .BindConfiguration(LocalQueueOptions.Section)
            .Validate(o => o.MaxDequeueCount >= 1 && o.BatchSize is >= 1 and <= 32 && o.VisibilityTimeout >= TimeSpan.Zero && o.MaxPollingInterval > TimeSpan.Zero && o.ProcessingTimeout > TimeSpan.Zero,
                "Queues: MaxDequeueCount must be at least 1, BatchSize 1 to 32 (a queue's most per receive), and the times positive.")
            .ValidateOnStart();
        foreach (var listener in functions.Select(f => ListenerFor(f, configuration)))
        {
            services.AddSingleton(listener);
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueListenerService>(sp, listener));
        }

        return services;
    }

    public static LocalQueueListener ListenerFor(DiscoveredFunction function, IConfiguration configuration)
    {
        var trigger = (QueueTriggerAttribute)function.Trigger;
        if (function.TriggerParameter.ParameterType != typeof(string))
        {
            throw new InvalidOperationException($"Function {function.Name} takes its queue message as {function.TriggerParameter.ParameterType.Name}; the local host binds queue messages as string.");
        }

        var invoker = new FunctionInvoker(function);
        return new LocalQueueListener(function.Name, SettingExpression.Resolve(trigger.QueueName, configuration), async (services, message, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            await invoker.InvokeAsync(new LocalInvocation(scope.ServiceProvider, message, cancellationToken));
        });
    }
}
