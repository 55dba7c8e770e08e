namespace Soliday.Local.Hosting;

/// <summary>
/// Runs one <see cref="LocalTimer"/>: a run at a time (as the Functions runtime never overlaps a
/// timer's runs), a failed run logged and the next one on schedule.
/// </summary>
public sealed class TimerService(LocalTimer timer, IServiceProvider services, ILogger<TimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(timer.Every(services));
        try
        {
            do
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
            while (await ticks.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
