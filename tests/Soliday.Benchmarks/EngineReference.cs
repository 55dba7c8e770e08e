using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Soliday.Local.Azurite;
using Soliday.Local.Durable;

namespace Soliday.Benchmarks;

/// <summary>
/// The reference the submission figure is compared with: orchestrations of one activity each on
/// the same engine (the sidecar over the Azure Storage provider on a fresh Azurite), nothing else.
/// </summary>
public static class EngineReference
{
    public static async Task<TimeSpan> RunAsync(int count, int warmUp)
    {
        var data = Path.Combine(Path.GetTempPath(), "soliday-bench", Guid.NewGuid().ToString("N"));
        await using var azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { Location = data, BlobPort = 0, QueuePort = 0, TablePort = 0 }, data, _ => { }, CancellationToken.None);
        var logging = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LogLevel:Default"] = "Warning" }).Build();
        await using var engine = await DurableEngine.StartAsync(azurite.ConnectionString, new DurableEngineOptions(), logging, CancellationToken.None);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.AddTasks(tasks =>
            {
                tasks.AddActivityFunc<int, int>("Echo", (_, value) => value);
                tasks.AddOrchestratorFunc<int, int>("OneActivity", (context, value) => context.CallActivityAsync<int>("Echo", value));
            });
            worker.UseGrpc(engine.Address);
        });
        builder.Services.AddDurableTaskClient(client => client.UseGrpc(engine.Address));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        await RunBatchAsync(client, warmUp);
        var clock = Stopwatch.StartNew();
        await RunBatchAsync(client, count);
        var elapsed = clock.Elapsed;

        await engine.StopDispatchingAsync();
        await host.StopAsync();
        return elapsed;
    }

    private static async Task RunBatchAsync(DurableTaskClient client, int count)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.ScheduleNewOrchestrationInstanceAsync("OneActivity", i)));
        var pending = new HashSet<string>(ids);
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                if ((await client.GetInstanceAsync(id))?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
                {
                    pending.Remove(id);
                }
            }

            await Task.Delay(100);
        }
    }
}
