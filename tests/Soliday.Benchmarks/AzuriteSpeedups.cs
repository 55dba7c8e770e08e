using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Soliday.Local.Azurite;

namespace Soliday.Benchmarks;

/// <summary>
/// Azurite as shipped against Azurite with the local host's changes (functions/Soliday.Local/npm:
/// queue-reads-by-queue.js, index-partition-queries.js, removals-keep-indexes.js, blobs-by-name.js, save-in-slices.js, save-changes-only.js), side by side in one run,
/// on the requests the durable engine makes most, while entries wait for curators: each waiting
/// entry holds two timers as invisible messages in the engine's control queues, an instance row,
/// its history rows, and blobs of its own (its record, photos, card). The timing lasts long enough for several of Azurite's saves (every 5 s),
/// and the longest wait is shown beside the median and p95: a save holds up what arrives meanwhile.
/// </summary>
public static class AzuriteSpeedups
{
    /// <summary>The durable engine's default: four control queues the timers are spread over.</summary>
    private const int ControlQueues = 4;

    /// <summary>About what one entry waiting for a curator has written to the history table.</summary>
    private const int HistoryRowsEach = 12;

    /// <summary>About what one waiting entry keeps in blobs: the record, the original, renditions, the board's card and marks.</summary>
    private const int BlobsEach = 6;

    private const int Rounds = 200;

    /// <summary>Three of Azurite's saves at least, whatever the pace of the rounds.</summary>
    private static readonly TimeSpan TimingAtLeast = TimeSpan.FromSeconds(16);

    private const int ConcurrentSeeders = 16;

    public static async Task RunAsync(IReadOnlyList<int> waitingLevels)
    {
        var rows = new List<string>();
        foreach (var waiting in waitingLevels.Order())
        {
            var shipped = await MeasureAsync(waiting, asShipped: true);
            var changed = await MeasureAsync(waiting, asShipped: false);
            foreach (var (request, before) in shipped)
            {
                var after = changed[request];
                rows.Add($"| {waiting:N0} | {request} | {Median(before):F2} ms | {Percentile(before, 0.95):F2} ms | {before[^1]:F0} ms | {Median(after):F2} ms | {Percentile(after, 0.95):F2} ms | {after[^1]:F0} ms | {Median(before) / Median(after):F1}× |");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| entries waiting | request (one at a time, {Rounds} rounds and {TimingAtLeast.TotalSeconds:F0} s at least) | Azurite as shipped, median | p95 | longest | with Soliday's changes, median | p95 | longest | faster by (medians) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<Dictionary<string, List<double>>> MeasureAsync(int waiting, bool asShipped)
    {
        Console.WriteLine($"{waiting:N0} waiting, Azurite {(asShipped ? "as shipped" : "with Soliday's changes")}: seeding...");
        Environment.SetEnvironmentVariable("SOLIDAY_AZURITE_AS_SHIPPED", asShipped ? "1" : null);
        var data = Path.Combine(Path.GetTempPath(), "soliday-bench", Guid.NewGuid().ToString("N"));
        await using var azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { Location = data, BlobPort = 0, QueuePort = 0, TablePort = 0 }, data, _ => { }, CancellationToken.None);
        Environment.SetEnvironmentVariable("SOLIDAY_AZURITE_AS_SHIPPED", null);

        var controls = Enumerable.Range(0, ControlQueues).Select(i => new QueueClient(azurite.ConnectionString, $"bench-control-{i:D2}")).ToList();
        var workItems = new QueueClient(azurite.ConnectionString, "bench-workitems");
        var instances = new TableClient(azurite.ConnectionString, "BenchInstances");
        var history = new TableClient(azurite.ConnectionString, "BenchHistory");
        var entries = new BlobContainerClient(azurite.ConnectionString, "bench-entries");
        await Task.WhenAll([.. controls.Select(q => q.CreateAsync()), workItems.CreateAsync(), instances.CreateAsync(), history.CreateAsync(), entries.CreateAsync()]);

        var clock = Stopwatch.StartNew();
        await SeedAsync(waiting, async i =>
        {
            var id = $"entry-{i:D6}";
            var control = controls[i % ControlQueues];
            await control.SendMessageAsync($"reminder {id}", visibilityTimeout: TimeSpan.FromHours(2));
            await control.SendMessageAsync($"expiry {id}", visibilityTimeout: TimeSpan.FromDays(6));
            await instances.AddEntityAsync(new TableEntity(id, "") { ["RuntimeStatus"] = "Running" });
            await history.SubmitTransactionAsync(Enumerable.Range(0, HistoryRowsEach)
                .Select(row => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(id, $"{row:X16}") { ["EventType"] = "TimerCreated" })));
            foreach (var blob in Enumerable.Range(0, BlobsEach))
            {
                await entries.UploadBlobAsync($"{id}/{blob}.json", BinaryData.FromString("{}"));
            }
        });
        Console.WriteLine($"  seeded in {clock.Elapsed.TotalSeconds:F0} s; timing...");

        var timings = new Dictionary<string, List<double>>();
        var timing = Stopwatch.StartNew();
        for (var round = 0; round < Rounds || timing.Elapsed < TimingAtLeast; round++)
        {
            var id = $"entry-{round * 37 % waiting:D6}";
            await TimeAsync(timings, "poll a control queue holding timers (nothing due)", () => controls[round % ControlQueues].ReceiveMessagesAsync(maxMessages: 32));
            await TimeAsync(timings, "send, receive and delete a work item", async () =>
            {
                await workItems.SendMessageAsync("step");
                var received = (await workItems.ReceiveMessagesAsync(maxMessages: 32)).Value;
                await Task.WhenAll(received.Select(m => workItems.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
            });
            await TimeAsync(timings, "read one entry's history (its partition)", async () =>
            {
                await foreach (var _ in history.QueryAsync<TableEntity>(e => e.PartitionKey == id))
                {
                }
            });
            await TimeAsync(timings, "read one instance row (partition and row key)", () => instances.GetEntityAsync<TableEntity>(id, ""));
            await TimeAsync(timings, "update one instance row (merge)", () => instances.UpsertEntityAsync(new TableEntity(id, "") { ["LastUpdated"] = DateTimeOffset.UtcNow }));
            await TimeAsync(timings, "list one entry's blobs (by prefix)", async () =>
            {
                await foreach (var _ in entries.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{id}/", CancellationToken.None))
                {
                }
            });
            var decided = $"entry-{round % waiting:D6}/{round / waiting % BlobsEach}.json";
            await TimeAsync(timings, "delete one blob (a decided entry's card)", () => entries.DeleteBlobIfExistsAsync(decided));
        }

        foreach (var list in timings.Values)
        {
            list.Sort();
        }

        return timings;
    }

    private static async Task SeedAsync(int count, Func<int, Task> seed)
    {
        using var seeders = new SemaphoreSlim(ConcurrentSeeders);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await seeders.WaitAsync();
            try
            {
                await seed(i);
            }
            finally
            {
                seeders.Release();
            }
        }));
    }

    private static async Task TimeAsync(Dictionary<string, List<double>> timings, string request, Func<Task> run)
    {
        var clock = Stopwatch.StartNew();
        await run();
        if (!timings.TryGetValue(request, out var list))
        {
            timings[request] = list = [];
        }

        list.Add(clock.Elapsed.TotalMilliseconds);
    }

    private static double Median(List<double> sorted) => Percentile(sorted, 0.5);

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
