using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Blobs.Models;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// The local host has Azurite write its whole saves in slices, letting requests in between
/// (functions/Soliday.Local/npm/save-in-slices.js), and most saves as the documents changed since
/// the last whole one, appended to a file beside it (save-changes-only.js). What it saved must read
/// back whole after Azurite is killed outright and started again: every row, blob and message, what
/// was deleted still gone, the indexes it reads them by rebuilt, no row torn by a change made while
/// the save was being written, and a last append cut short by the kill left out. A document
/// unchanged since the last save is written from the text kept from then, which must be what it is
/// now. Stopped as Ctrl+C stops it, Azurite leaves one whole save and no changes beside it.
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

        // Deleted after a whole save, so that only the appended changes say they are gone.
        var rowsSaved = Saved(host, "table");
        var deletedRows = await DeleteUntilAppendedAsync(host, "table", [.. Enumerable.Range(0, 3).Select(row => (
            rowsSaved.Id(doc => Is(doc, "PartitionKey", Partition(Partitions - 1)) && Is(doc, "RowKey", RowKey(row))),
            (Func<Task>)(() => table.DeleteEntityAsync(Partition(Partitions - 1), RowKey(row)))))]);
        var blobsSaved = Saved(host, "blob");
        var deletedBlobs = await DeleteUntilAppendedAsync(host, "blob", [.. Enumerable.Range(0, 3).Select(i => (
            blobsSaved.Id(doc => Is(doc, "containerName", "savecheck") && Is(doc, "name", $"even/{2 * i:D4}")),
            (Func<Task>)(() => blobs.DeleteBlobAsync($"even/{2 * i:D4}"))))]);

        var azurite = int.Parse(File.ReadAllText(Path.Combine(host.DataDirectory, "azurite.pid")), System.Globalization.CultureInfo.InvariantCulture);
        var launcher = RunningProcesses.AzuriteLauncherOf(host.ProcessId!.Value);
        var untouched = Saved(host, "table").Id(doc => Is(doc, "PartitionKey", Partition(23)) && Is(doc, "RowKey", RowKey(7)));
        var saved = await File.ReadAllTextAsync(Save(host, "table"));
        await RunningProcesses.SignalAsync("KILL", azurite, launcher, host.ProcessId!.Value);

        // An append cut short by the kill: a change without the line that closes its append.
        await File.AppendAllTextAsync(Save(host, "table") + ".changes", Lokijs.Gone(untouched) + "\n{\"closes\":");
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

        Assert.Equal(Partitions * RowsEach - deletedRows, rows.Count);
        Assert.DoesNotContain(rows, row => row.PartitionKey == Partition(Partitions - 1) && row.RowKey == RowKey(deletedRows - 1));
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
        Assert.Equal(0, (await table.GetEntityAsync<TableEntity>(Partition(23), RowKey(7))).Value.GetInt32("Count")); // the cut-short append's row

        var odd = new List<string>();
        await foreach (var blob in blobs.GetBlobsAsync(new GetBlobsOptions { Prefix = "odd/" }))
        {
            odd.Add(blob.Name);
        }

        Assert.Equal(Enumerable.Range(0, Blobs).Where(i => i % 2 == 1).Select(i => $"odd/{i:D4}"), odd);
        Assert.Equal("blob 321", (await blobs.GetBlobClient("odd/0321").DownloadContentAsync()).Value.Content.ToString());
        Assert.False(await blobs.GetBlobClient($"even/{2 * (deletedBlobs - 1):D4}").ExistsAsync());
        Assert.True(await blobs.GetBlobClient($"even/{2 * deletedBlobs:D4}").ExistsAsync());

        var left = (await queue.ReceiveMessagesAsync(maxMessages: 32)).Value.Select(message => message.MessageText);
        Assert.Equal(Enumerable.Range(10, Messages - 10).Select(i => $"message {i:D2}"), left);

        // Stopped as Ctrl+C stops it: one whole save each, which Azurite as shipped could read alone.
        var lastSaved = Saved(host, "table");
        await DeleteUntilAppendedAsync(host, "table", [.. Enumerable.Range(0, 3).Select(row => (
            lastSaved.Id(doc => Is(doc, "PartitionKey", Partition(1)) && Is(doc, "RowKey", RowKey(row))),
            (Func<Task>)(() => table.DeleteEntityAsync(Partition(1), RowKey(row)))))]);
        Assert.Equal(0, await host.InterruptAsync(TimeSpan.FromSeconds(60)));
        await host.WaitForAzuriteToExitAsync();
        Assert.Empty(Directory.GetFiles(host.DataDirectory, "*.changes"));
        var whole = await File.ReadAllTextAsync(Save(host, "table"));
        Assert.DoesNotContain($"{{\"PartitionKey\":\"{Partition(1)}\",\"RowKey\":\"{RowKey(0)}\"", whole, StringComparison.Ordinal);
        Assert.Contains($"{{\"PartitionKey\":\"{Partition(1)}\",\"RowKey\":\"{RowKey(3)}\"", whole, StringComparison.Ordinal);
    }

    /// <summary>
    /// Deletes the first document, waits until a save holds that, and deletes the next when that save
    /// was a whole one (the changes had outgrown the last): right after a whole save the next save is
    /// an append. Returns how many it deleted, the last of them appended as gone.
    /// </summary>
    private static async Task<int> DeleteUntilAppendedAsync(SolidayHost host, string database, IReadOnlyList<(Lokijs.DocumentId Id, Func<Task> Delete)> documents)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            var (id, delete) = documents[i];
            await delete();
            var gone = Lokijs.Gone(id);
            await SolidayApi.EventuallyAsync(
                () => Task.FromResult(!Saved(host, database).Holds(id)),
                $"Azurite to save the deletion of {id}");
            if (Changes(host, database).Contains(gone, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        Assert.Fail($"Every deletion from the {database} database went into a whole save, none into an append.");
        return 0;
    }

    /// <summary>
    /// What the next start of Azurite would read of the database. The save and its changes are two
    /// files: a whole save landing between their reads would pair one with the other's changes, so
    /// the save is read again after them, and all of it again unless it is still the same.
    /// </summary>
    private static Lokijs Saved(SolidayHost host, string database)
    {
        while (true)
        {
            var save = File.ReadAllText(Save(host, database));
            var changes = Changes(host, database);
            if (File.ReadAllText(Save(host, database)) == save)
            {
                return Lokijs.Read(save, changes);
            }
        }
    }

    private static string Save(SolidayHost host, string database) => Path.Combine(host.DataDirectory, $"__azurite_db_{database}__.json");

    /// <summary>What Azurite has appended to a database's last whole save since it was written (empty when nothing).</summary>
    private static string Changes(SolidayHost host, string database)
    {
        try
        {
            using var reader = new StreamReader(new FileStream(Save(host, database) + ".changes", FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }

    private static bool Is(System.Text.Json.JsonElement doc, string property, string value) =>
        doc.TryGetProperty(property, out var found) && found.ValueKind == System.Text.Json.JsonValueKind.String && found.GetString() == value;

    private static TableEntity Row(int partition, int row, int count) =>
        new(Partition(partition), RowKey(row)) { ["Count"] = count, ["Twice"] = 2 * count };

    private static string Partition(int partition) => $"p{partition:D2}";

    private static string RowKey(int row) => $"r{row:D2}";
}
