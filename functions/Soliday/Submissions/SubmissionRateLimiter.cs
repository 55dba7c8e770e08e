using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>Whether an address may send another entry now, and if not, from when it may.</summary>
public sealed record RateLimitDecision(bool Allowed, DateTimeOffset RetryAt);

/// <summary>
/// At most <see cref="SubmissionOptions.RateLimitPerHour"/> entries an hour from one address,
/// counted in storage so every instance of the app shares the count. Each entry appends one byte to
/// the address's append blob for the hour, so the count is the blob's length: appends never wait
/// for each other, as a compare-and-swap counter would when a whole library's wifi sends at once.
/// Addresses are kept only as a keyed hash: the count says nothing about who sent what.
/// </summary>
public sealed class SubmissionRateLimiter(BlobServiceClient blobs, TokenSigner signer, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    public async Task<RateLimitDecision> TryTakeAsync(string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var who = Convert.ToHexStringLower(signer.Sign("rate-limit", address).AsSpan(0, 12));
        var counter = blobs.GetBlobContainerClient(StorageLayout.Limits).GetAppendBlobClient(StorageLayout.RateCounter(hour, who));

        // Checked, then counted: a burst at the very limit may let one or two more through; a limit, not a lock.
        if (await CountAsync(counter, cancellationToken) >= options.Value.RateLimitPerHour)
        {
            return new RateLimitDecision(false, hour.AddHours(1));
        }

        await counter.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        using var oneMore = new MemoryStream([1]);
        await counter.AppendBlockAsync(oneMore, cancellationToken: cancellationToken);
        return new RateLimitDecision(true, hour.AddHours(1));
    }

    private static async Task<long> CountAsync(AppendBlobClient counter, CancellationToken cancellationToken)
    {
        try
        {
            return (await counter.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }
}
