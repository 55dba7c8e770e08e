using Azure.Data.Tables;
using Azure.Storage.Queues;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// The local host loads two changes into Azurite (functions/Soliday.Local/npm): table reads that pin
/// a partition, and lookups of one entity, start from that partition's rows; queue reads start from
/// that queue's messages and skip removing expired messages when none has expired. Both must answer
/// exactly as Azurite does without them.
/// </summary>
public sealed class AzuriteSpeedupTests : IAsyncLifetime
{
    private const int Partitions = 30;
    private const int RowsEach = 5;

    private SolidayHost _host = null!;

    public async Task InitializeAsync() => _host = await SolidayHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Table_reads_answer_every_filter_as_the_whole_table_would()
    {
        var table = new TableClient(_host.TableConnectionString, "speedupcheck");
        await table.CreateIfNotExistsAsync();
        var rows = (from p in Enumerable.Range(0, Partitions)
                    from r in Enumerable.Range(0, RowsEach)
                    select new TableEntity($"p{p:D2}", $"r{r}") { ["Kind"] = r % 2 == 0 ? "even" : "odd" }).ToList();
        foreach (var partition in rows.GroupBy(row => row.PartitionKey))
        {
            await table.SubmitTransactionAsync(partition.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        }

        (string Filter, Func<TableEntity, bool> Matches)[] filters =
        [
            ("PartitionKey eq 'p07'", row => row.PartitionKey == "p07"),
            ("(PartitionKey eq 'p07') and (RowKey ge 'r2')", row => row.PartitionKey == "p07" && string.CompareOrdinal(row.RowKey, "r2") >= 0),
            ("RowKey eq 'r3' and PartitionKey eq 'p19'", row => row.PartitionKey == "p19" && row.RowKey == "r3"),
            ("PartitionKey eq 'p01' or PartitionKey eq 'p02'", row => row.PartitionKey is "p01" or "p02"),
            ("PartitionKey eq 'p05' and Kind eq 'odd'", row => row.PartitionKey == "p05" && (string)row["Kind"] == "odd"),
            ("PartitionKey eq 'nowhere'", _ => false),
            ("Kind eq 'even'", row => (string)row["Kind"] == "even"),
        ];

        foreach (var (filter, matches) in filters)
        {
            // Two rows a page, so the continuation is followed through the partition as well.
            var read = new List<string>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 2))
            {
                read.Add($"{row.PartitionKey}/{row.RowKey}");
            }

            var expected = rows.Where(matches).Select(row => $"{row.PartitionKey}/{row.RowKey}").Order(StringComparer.Ordinal);
            Assert.True(expected.SequenceEqual(read), $"{filter}: expected [{string.Join(", ", expected)}], read [{string.Join(", ", read)}]");
        }
    }

    [Fact]
    public async Task A_queue_still_drops_expired_messages_and_delivers_the_others()
    {
        var queue = new QueueClient(_host.QueueConnectionString, "speedupcheck");
        await queue.CreateIfNotExistsAsync();

        // Nothing has expired: the read that skips the removal still delivers.
        await queue.SendMessageAsync("first");
        var first = await queue.ReceiveMessagesAsync(maxMessages: 10);
        Assert.Equal(["first"], first.Value.Select(message => message.MessageText));
        await queue.DeleteMessageAsync(first.Value[0].MessageId, first.Value[0].PopReceipt);

        await queue.SendMessageAsync("short-lived", visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(1));
        await queue.SendMessageAsync("kept");
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var received = await queue.ReceiveMessagesAsync(maxMessages: 10);
        Assert.Equal(["kept"], received.Value.Select(message => message.MessageText));
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task One_entity_is_read_and_written_by_its_keys_whatever_other_partitions_hold()
    {
        // Row keys repeated in every partition, as the durable engine's are.
        var table = new TableClient(_host.TableConnectionString, "pointcheck");
        await table.CreateIfNotExistsAsync();
        foreach (var p in Enumerable.Range(0, Partitions))
        {
            await table.AddEntityAsync(new TableEntity($"p{p:D2}", "") { ["Owner"] = $"p{p:D2}" });
        }

        Assert.Equal("p17", (await table.GetEntityAsync<TableEntity>("p17", "")).Value.GetString("Owner"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p17", "elsewhere")).HasValue);

        await table.UpsertEntityAsync(new TableEntity("p17", "") { ["Owner"] = "replaced" }, TableUpdateMode.Replace);
        await table.UpsertEntityAsync(new TableEntity("p18", "") { ["Extra"] = "merged" }, TableUpdateMode.Merge);
        var conflict = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p19", "")));
        Assert.Equal(409, conflict.Status);

        var rows = await table.QueryAsync<TableEntity>().ToDictionaryAsync(row => row.PartitionKey);
        Assert.Equal(Partitions, rows.Count);
        Assert.Equal("replaced", rows["p17"].GetString("Owner"));
        Assert.Equal(("p18", "merged"), (rows["p18"].GetString("Owner"), rows["p18"].GetString("Extra")));
        Assert.Equal("p19", rows["p19"].GetString("Owner"));
    }

    [Fact]
    public async Task Each_queue_hands_out_its_own_messages_in_order_and_counts_only_them()
    {
        var first = new QueueClient(_host.QueueConnectionString, "speedup-first");
        var second = new QueueClient(_host.QueueConnectionString, "speedup-second");
        await first.CreateIfNotExistsAsync();
        await second.CreateIfNotExistsAsync();

        // Later visible first: a timer waiting in the same queue, as the durable engine keeps them.
        await first.SendMessageAsync("timer", visibilityTimeout: TimeSpan.FromHours(1));
        foreach (var text in new[] { "a", "b", "c" })
        {
            await first.SendMessageAsync(text);
            await second.SendMessageAsync($"other {text}");
        }

        Assert.Equal(["a", "b"], (await first.PeekMessagesAsync(maxMessages: 2)).Value.Select(message => message.MessageText));
        var handedOut = (await first.ReceiveMessagesAsync(maxMessages: 2)).Value;
        Assert.Equal(["a", "b"], handedOut.Select(message => message.MessageText));
        Assert.All(handedOut, message => Assert.Equal(1, message.DequeueCount));

        // Handed out messages are hidden until their time, then come back counted twice.
        Assert.Equal(["c"], (await first.ReceiveMessagesAsync(maxMessages: 10, visibilityTimeout: TimeSpan.FromSeconds(1))).Value.Select(message => message.MessageText));
        await first.DeleteMessageAsync(handedOut[0].MessageId, handedOut[0].PopReceipt);
        await first.UpdateMessageAsync(handedOut[1].MessageId, handedOut[1].PopReceipt, "b again", TimeSpan.Zero);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = (await first.ReceiveMessagesAsync(maxMessages: 10)).Value;
        Assert.Equal(new[] { ("b again", 2L), ("c", 2L) }, again.Select(message => (message.MessageText, message.DequeueCount)).Order());

        Assert.Equal(3, (await first.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(3, (await second.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(["other a", "other b", "other c"], (await second.ReceiveMessagesAsync(maxMessages: 10)).Value.Select(message => message.MessageText));
    }
}
