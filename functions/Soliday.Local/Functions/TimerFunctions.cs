using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Soliday.Local.Hosting;

namespace Soliday.Local.Functions;

/// <summary>A timer for each <c>[TimerTrigger]</c> function, firing at its attribute's schedule (<c>%Setting%</c> resolved), with a <see cref="TimerInfo"/>.</summary>
public static class TimerFunctions
{
    public static IServiceCollection AddTimerFunctions(this IServiceCollection services, IConfiguration configuration, IEnumerable<DiscoveredFunction> functions)
    {
        services.AddOptions<LocalTimerOptions>().BindConfiguration(LocalTimerOptions.Section)
            .Validate(o => o.Tick is null || o.Tick > TimeSpan.Zero, "Timers:Tick must be positive when set.")
            .ValidateOnStart();
        foreach (var timer in functions.Select(f => TimerFor(f, configuration)))
        {
            services.AddSingleton(timer);
            services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerService>(sp, timer));
        }

        return services;
    }

    public static LocalTimer TimerFor(DiscoveredFunction function, IConfiguration configuration)
    {
        var trigger = (TimerTriggerAttribute)function.Trigger;
        var schedule = SettingExpression.Resolve(trigger.Schedule, configuration);
        var interval = TimerSchedule.IntervalOf(schedule);
        var invoker = new FunctionInvoker(function);
        return new LocalTimer(
            function.Name,
            schedule,
            trigger.Schedule,
            trigger.RunOnStartup,
            services => services.GetRequiredService<IOptions<LocalTimerOptions>>().Value.Tick is { } tick && tick < interval ? tick : interval,
            async (services, cancellationToken) =>
            {
                await using var scope = services.CreateAsyncScope();
                await invoker.InvokeAsync(new LocalInvocation(scope.ServiceProvider, new TimerInfo(), cancellationToken));
            });
    }
}
