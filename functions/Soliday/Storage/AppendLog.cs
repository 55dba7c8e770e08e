using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Soliday.Storage;

/// <summary>
/// A log kept in an append blob: each line is appended atomically, so concurrent writers neither
/// wait for nor overwrite each other, and nothing written is ever rewritten.
/// </summary>
public static class AppendLog
{
    /// <summary>Appends one line: one request, but for the log's first line, which creates it.</summary>
    public static async Task AppendLineAsync(this AppendBlobClient log, string line, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        try
        {
            await AppendAsync(log, bytes, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            // Only if still absent, so a first line appended in parallel is not wiped.
            await log.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await AppendAsync(log, bytes, cancellationToken);
        }
    }

    private static async Task AppendAsync(AppendBlobClient log, byte[] bytes, CancellationToken cancellationToken)
    {
        using var block = new MemoryStream(bytes);
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
