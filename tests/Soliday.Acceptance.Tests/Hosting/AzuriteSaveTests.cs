using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Blobs.Models;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// The local host has Azurite write its saves in slices, letting requests in between
/// (functions/Soliday.Local/npm/save-in-slices.js). What it saved must read back whole after Azurite
/// is killed outright and started again: every row, blob and message, the indexes it reads them by
/// rebuilt, and no row torn by a change made while the save was being written. A document unchanged
/// since the last save is written from the text kept from then, which must be what it is now.
/// </summary>
public sealed class AzuriteSaveTests
{
    /// <summary>More rows than one slice holds, so the save is written in several.</summary>
    private const int Partitions = 40;
    private const int RowsEach = 30;
    private const int Blobs = 600;
    private const int Messages = 30;

    /// <summary>Azurite saves every 5 seconds; two saves at least, with changes arriving during them.</summary>
    private static readonly TimeSpan ChangingFor = TimeSpan.FromSeconds(11);

    [Fact]
    public async Task What_Azurite_saved_in_slices_before_a_kill_9_reads_back_whole_after_the_next_start()
    {
        // Each text the save takes from its memory of the last one is made again and compared (SolidayHost.CheckAzuriteSaves).
        await using var host = await SolidayHost.StartAsync();
        var table = new TableClient(host.TableConnectionString, "savecheck");
        var blobs = new BlobContainerClient(host.StorageConnectionString, "savecheck");
        var queue = new QueueClient(host.QueueConnectionString, "savecheck");
        await Task.WhenAll(table.CreateAsync(), blobs.CreateAsync(), queue.CreateAsync());

        foreach (var partition in Enumerable.Range(0, Partitions))
        {
            await table.SubmitTransactionAsync(Enumerable.Range(0, RowsEach).Select(row =>
                new TableTransactionAction(TableTransactionActionType.Add, Row(partition, row, count: 0))));
        }

        foreach (var batch in Enumerable.Range(0, Blobs).Chunk(50))
        {
            await Task.WhenAll(batch.Select(i => blobs.UploadBlobAsync($"{(i % 2 == 0 ? "even" : "odd")}/{i:D4}", BinaryData.FromString($"blob {i}"))));
        }

        for (var i = 0; i < Messages; i++)
        {
            await queue.SendMessageAsync($"message {i:D2}");
        }

        // The first ten handed out and done with: they must stay gone.
        foreach (var message in (await queue.ReceiveMessagesAsync(maxMessages: 10)).Value)
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        // Changes while saves are written: every row of one partition counted up, each count written whole (its double beside it).
        var counted = 0;
        var until = DateTime.UtcNow + ChangingFor;
        while (DateTime.UtcNow < until)
        {
            counted++;
            await Task.WhenAll(Enumerable.Range(0, RowsEach).Select(row => table.UpsertEntityAsync(Row(0, row, counted), TableUpdateMode.Replace)));
        }

        var azurite = int.Parse(File.ReadAllText(Path.Combine(host.DataDirectory, "azurite.pid")), System.Globalization.CultureInfo.InvariantCulture);
        var launcher = RunningProcesses.AzuriteLauncherOf(host.ProcessId!.Value);
        var saved = await File.ReadAllTextAsync(Path.Combine(host.DataDirectory, "__azurite_db_table__.json"));
        await RunningProcesses.SignalAsync("KILL", azurite, launcher, host.ProcessId!.Value);
        await host.RestartAsync();
        await SolidayApi.EventuallyAsync(async () => (await host.Http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK, "the health endpoint to answer");

        Assert.Contains("solidayIndexesToBuild", saved, StringComparison.Ordinal); // written by the slices, not by Azurite as shipped
        var azuriteLog = await File.ReadAllTextAsync(Path.Combine(host.DataDirectory, "azurite.log"));
        Assert.DoesNotContain("went stale", azuriteLog, StringComparison.Ordinal); // no row changed without LokiJS counting it
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        Assert.Equal(Partitions * RowsEach, rows.Count);
        Assert.All(rows, row => Assert.Equal(2 * row.GetInt32("Count"), row.GetInt32("Twice")));
        var busy = rows.Where(row => row.PartitionKey == Partition(0)).Select(row => row.GetInt32("Count")!.Value).ToList();
        Assert.All(busy, count => Assert.InRange(count, 1, counted));

        // Read through the rebuilt index on partitions (the local host's partition reads use it), and by the row key.
        var one = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(row => row.PartitionKey == Partition(17)))
        {
            one.Add(row.RowKey);
        }

        Assert.Equal(Enumerable.Range(0, RowsEach).Select(RowKey), one);
        Assert.Equal(0, (await table.GetEntityAsync<TableEntity>(Partition(23), RowKey(7))).Value.GetInt32("Count"));

        var odd = new List<string>();
        await foreach (var blob in blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = "odd/" }))
        {
            odd.Add(blob.Name);
        }

        Assert.Equal(Enumerable.Range(0, Blobs).Where(i => i % 2 == 1).Select(i => $"odd/{i:D4}"), odd);
        Assert.Equal("blob 321", (await blobs.GetBlobClient("odd/0321").DownloadContentAsync()).Value.Content.ToString());

        var left = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value.Select(message => message.MessageText);
        Assert.Equal(Enumerable.Range(10, Messages - 10).Select(i => $"message {i:D2}"), left);
    }

    private static TableEntity Row(int partition, int row, int count) =>
        new(Partition(partition), RowKey(row)) { ["Count"] = count, ["Twice"] = 2 * count };

    private static string Partition(int partition) => $"p{partition:D2}";

    private static string RowKey(int row) => $"r{row:D2}";
}
