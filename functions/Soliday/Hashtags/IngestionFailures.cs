using System.Security.Cryptography;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Soliday.Storage;

namespace Soliday.Hashtags;

/// <summary>Why a queue message could not be taken in, and how often it was tried.</summary>
public sealed record IngestionFailure(string Reason, int Attempts, DateTimeOffset LastAttemptAt);

/// <summary>
/// Keeps the reason each failed try of a queue message gave, so the message's poison copy can be
/// shown with it. The Functions runtime moves a message to the poison queue as it was, under a new
/// message id and without the exception; the text is what stays the same, so the reason is filed
/// under the message's SHA-256. Cleared when a later try succeeds.
/// </summary>
public sealed class IngestionFailures(BlobServiceClient blobs, TimeProvider clock, ILogger<IngestionFailures> logger)
{
    public async Task RecordAsync(string message, string reason)
    {
        var blob = Blob(message);
        try
        {
            await OptimisticConcurrency.RetryAsync("Recording an ingestion failure", async () =>
            {
                var read = await blob.ReadAsync();
                var attempts = read is { } found ? SolidayJson.Deserialize<IngestionFailure>(found.Content).Attempts : 0;
                var failure = new IngestionFailure(reason, attempts + 1, clock.GetUtcNow());
                return (await blob.ReplaceIfUnchangedAsync(SolidayJson.Serialize(failure), BlobWrites.Json, read?.ETag), failure);
            });
        }
        catch (Exception e)
        {
            // The message's own failure matters more than its record: the queue retries or poisons it either way.
            logger.LogWarning(e, "Could not record why a hashtag message failed: {Reason}", reason);
        }
    }

    public async Task<IngestionFailure?> FindAsync(string message, CancellationToken cancellationToken = default) =>
        await Blob(message).ReadAsync(cancellationToken) is { } found ? SolidayJson.Deserialize<IngestionFailure>(found.Content) : null;

    public Task ClearAsync(string message, CancellationToken cancellationToken) =>
        Blob(message).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private BlobClient Blob(string message) =>
        blobs.GetBlobContainerClient(StorageLayout.Hashtags)
            .GetBlobClient(StorageLayout.IngestionFailure(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)))));
}
