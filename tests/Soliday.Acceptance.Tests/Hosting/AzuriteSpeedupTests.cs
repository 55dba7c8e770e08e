using Azure.Data.Tables;
using Azure.Storage.Queues;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// The local host loads two changes into Azurite (functions/Soliday.Local/npm): table reads that pin
/// a partition start from that partition's rows, and a queue read skips removing expired messages
/// when none has expired. Both must answer exactly as Azurite does without them.
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
}
