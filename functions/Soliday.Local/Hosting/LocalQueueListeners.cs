using Microsoft.DurableTask.Client;
using Soliday.Hashtags;
using Soliday.Submissions;

namespace Soliday.Local.Hosting;

/// <summary>A storage queue the local host listens to, and what it does with each message: the work of a Functions queue trigger.</summary>
public sealed record LocalQueueListener(string QueueName, Func<IServiceProvider, string, CancellationToken, Task> HandleAsync);

/// <summary>
/// The storage queues the local host listens to, one per queue trigger of the Functions app (the
/// parity test holds the two to the same set), each calling the same logic as that trigger.
/// </summary>
public static class LocalQueueListeners
{
    public static IReadOnlyList<LocalQueueListener> Listeners { get; } =
    [
        new(HashtagPostQueue.Name, (services, message, cancellationToken) =>
            services.GetRequiredService<HashtagIngestion>().IngestAsync(message, services.GetRequiredService<DurableTaskClient>(), cancellationToken)),
        new(ErasureRequests.QueueName, (services, message, cancellationToken) =>
            services.GetRequiredService<ErasureRequests>().EraseAsync(message, services.GetRequiredService<DurableTaskClient>(), cancellationToken)),
    ];

    public static IReadOnlySet<string> QueueNames { get; } = Listeners.Select(l => l.QueueName).ToHashSet();

    public static IServiceCollection AddLocalQueueListeners(this IServiceCollection services)
    {
        services.AddOptions<LocalQueueOptions>().BindConfiguration(LocalQueueOptions.Section)
            .Validate(o => o.MaxDequeueCount >= 1 && o.BatchSize is >= 1 and <= 32 && o.VisibilityTimeout >= TimeSpan.Zero && o.MaxPollingInterval > TimeSpan.Zero && o.ProcessingTimeout > TimeSpan.Zero,
                "Queues: MaxDequeueCount must be at least 1, BatchSize 1 to 32 (a queue's most per receive), and the times positive.")
            .ValidateOnStart();
        foreach (var listener in Listeners)
        {
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueListenerService>(sp, listener));
        }

        return services;
    }
}
