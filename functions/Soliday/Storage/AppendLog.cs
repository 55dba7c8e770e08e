using System.Text;
using Azure;
using Azure.Storage.Blobs.Specialized;

namespace Soliday.Storage;

/// <summary>
/// A log kept in an append blob: each line is appended atomically, so concurrent writers neither
/// wait for nor overwrite each other, and nothing written is ever rewritten.
/// </summary>
public static class AppendLog
{
    public static async Task AppendLineAsync(this AppendBlobClient log, string line, CancellationToken cancellationToken = default)
    {
        await log.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        using var block = new MemoryStream(Encoding.UTF8.GetBytes(line + "\n"));
        await log.AppendBlockAsync(block, cancellationToken: cancellationToken);
    }

    public static async Task<IReadOnlyList<string>> ReadLinesAsync(this AppendBlobClient log, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = (await log.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
            return content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
    }
}
