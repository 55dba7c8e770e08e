using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// Everything a host's Azurite holds, read as text to search: every blob of every container
/// (the site, Soliday's records, the durable engine's large payloads and leases), every message
/// waiting in every queue (peeked, so none is taken), every row of every table (the durable
/// engine's history and instances). What the erasure tests look for an entry's words in.
/// </summary>
public sealed class StorageScan
{
    /// <summary>A queue peek returns at most 32 messages; more than that waiting in a test host means something else is wrong.</summary>
    private const int PeekMax = 32;

    private readonly List<Item> _items = [];

    private StorageScan()
    {
    }

    /// <summary>One place something is stored, its text (decompressed and decoded where it was), and the SHA-256 of its bytes.</summary>
    private sealed record Item(string Place, string Text, string Sha256);

    public int BlobCount { get; private set; }

    public int QueueMessageCount { get; private set; }

    public int TableRowCount { get; private set; }

    public static async Task<StorageScan> TakeAsync(SolidayHost host)
    {
        var scan = new StorageScan();
        await foreach (var container in host.Blobs.GetBlobContainersAsync())
        {
            var client = host.Blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var download = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value;
                var bytes = download.Content.ToArray();
                // A file stored gzipped is read as its readers read it: erased words inside must still be seen.
                scan._items.Add(new Item($"blob {container.Name}/{blob.Name}", blob.Name + "\n" + Readable(bytes) + "\n" + StoredText.Of(download.Content, download.Details.ContentEncoding), Sha256(bytes)));
                scan.BlobCount++;
            }
        }

        var queues = new QueueServiceClient(host.QueueConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(PeekMax)).Value)
            {
                var bytes = message.Body.ToArray();
                scan._items.Add(new Item($"queue {queue.Name} message {message.MessageId}", Readable(bytes) + "\n" + FromBase64(bytes), Sha256(bytes)));
                scan.QueueMessageCount++;
            }
        }

        var tables = new TableServiceClient(host.TableConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var text = string.Join("\n", row.Select(p => $"{p.Key}={(p.Value is byte[] b ? Readable(b) : p.Value)}"));
                scan._items.Add(new Item($"table {table.Name} row {row.PartitionKey}/{row.RowKey}", text, ""));
                scan.TableRowCount++;
            }
        }

        return scan;
    }

    /// <summary>Every place that holds <paramref name="text"/> (in any case: tag slugs and addresses are lower-cased).</summary>
    public IReadOnlyList<string> PlacesHolding(string text) =>
        [.. _items.Where(i => i.Text.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(i => i.Place)];

    /// <summary>Every blob or message whose bytes are exactly these (a photo stored as sent).</summary>
    public IReadOnlyList<string> PlacesHoldingBytes(byte[] content)
    {
        var sha256 = Sha256(content);
        return [.. _items.Where(i => i.Sha256 == sha256).Select(i => i.Place)];
    }

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The bytes as text; gzip (how the durable engine stores large payloads) unpacked first.</summary>
    private static string Readable(byte[] bytes)
    {
        if (bytes is [0x1f, 0x8b, ..])
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var unpacked = new MemoryStream();
                gzip.CopyTo(unpacked);
                bytes = unpacked.ToArray();
            }
            catch (InvalidDataException)
            {
                // Not gzip after all: read as it is.
            }
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Soliday's queues carry Base64 (as the Functions runtime expects); the engine's do not. Both are read.</summary>
    private static string FromBase64(byte[] bytes)
    {
        try
        {
            return Readable(Convert.FromBase64String(Encoding.ASCII.GetString(bytes)));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
