using Microsoft.DurableTask.Worker.Hosting;
using Soliday.Local.Hosting;

namespace Soliday.Local.Durable;

/// <summary>
/// Orders shutdown. Before any hosted service stops, the engine stops dispatching (finishing work in
/// flight needs the worker still connected), then the worker stops. Otherwise Kestrel, which stops
/// first, would wait on the worker's open stream until the shutdown timeout.
/// </summary>
public sealed class DurableEngineShutdown(DurableEngine engine, IServiceProvider services, StopTrail trail) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        trail.Enter("work in flight");
        await engine.StopDispatchingAsync();
        trail.Enter("the durable worker");
        foreach (var worker in services.GetServices<IHostedService>().OfType<DurableTaskWorker>())
        {
            await worker.StopAsync(cancellationToken);
        }

        trail.Enter("the web server and triggers");
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        trail.Enter("the app's services");
        return Task.CompletedTask;
    }
}
