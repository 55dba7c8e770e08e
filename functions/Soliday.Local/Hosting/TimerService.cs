namespace Soliday.Local.Hosting;

/// <summary>A timer the local host runs: its function's name and schedule, how often it fires here, and the call.</summary>
/// <param name="Schedule">The schedule it runs on, any <c>%Setting%</c> resolved.</param>
/// <param name="DeclaredSchedule">The trigger's own text, as functions.metadata holds it (the parity tests compare these).</param>
public sealed record LocalTimer(string Name, string Schedule, string DeclaredSchedule, bool RunOnStartup, Func<IServiceProvider, TimeSpan> Every, Func<IServiceProvider, CancellationToken, Task> RunAsync);

/// <summary>
/// Runs one <see cref="LocalTimer"/>: at each tick (and at start only when the trigger says
/// <c>RunOnStartup</c>, as in Azure), a run at a time (as the Functions runtime never overlaps a
/// timer's runs), a failed run logged and the next one on schedule.
/// </summary>
public sealed class TimerService(LocalTimer timer, IServiceProvider services, ILogger<TimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(timer.Every(services));
        try
        {
            if (timer.RunOnStartup)
            {
                await RunOnceAsync(stoppingToken);
            }

            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                await RunOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await timer.RunAsync(services, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Timer {Timer} failed; it runs again at its next tick", timer.Name);
        }
    }
}
