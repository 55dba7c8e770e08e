using Microsoft.Extensions.Options;
using Soliday.Hashtags;

namespace Soliday.Local.Hosting;

/// <summary>A timer the local host runs: the work of a Functions timer trigger of the same name, every <see cref="Every"/>.</summary>
public sealed record LocalTimer(string Name, Func<IServiceProvider, TimeSpan> Every, Func<IServiceProvider, CancellationToken, Task> RunAsync);

/// <summary>
/// The timers the local host runs, one per timer trigger of the Functions app (the parity test
/// holds the two to the same set), each calling the same logic as that trigger.
/// </summary>
public static class LocalTimers
{
    public static IReadOnlyList<LocalTimer> Timers { get; } =
    [
        // The Functions timer ticks every 15 s; the poller polls a server only when it is due. Here
        // the tick follows PollSeconds when that is shorter, so a test polling each second needs no
        // 15 s wait; what is polled, and when it is due, is the poller's same decision.
        new(HashtagTriggers.PollMastodon,
            services => TimeSpan.FromSeconds(Math.Min(services.GetRequiredService<IOptions<HashtagOptions>>().Value.PollSeconds, HashtagTriggers.PollTick.TotalSeconds)),
            (services, cancellationToken) => services.GetRequiredService<MastodonPoller>().PollDueServersAsync(cancellationToken)),
    ];

    public static IReadOnlySet<string> Names { get; } = Timers.Select(t => t.Name).ToHashSet();

    public static IServiceCollection AddLocalTimers(this IServiceCollection services)
    {
        foreach (var timer in Timers)
        {
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerService>(sp, timer));
        }

        return services;
    }
}
