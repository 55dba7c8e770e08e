using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>Whether an address may send another entry now, and if not, from when it may.</summary>
public sealed record RateLimitDecision(bool Allowed, DateTimeOffset RetryAt);

/// <summary>
/// At most <see cref="SubmissionOptions.RateLimitPerHour"/> entries an hour from one address,
/// counted in storage so every instance of the app shares the count. Addresses are kept only as
/// a keyed hash: the count says nothing about who sent what.
/// </summary>
public sealed class SubmissionRateLimiter(BlobServiceClient blobs, TokenSigner signer, IOptions<SubmissionOptions> options, TimeProvider clock)
{
    public Task<RateLimitDecision> TryTakeAsync(string address, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var who = Convert.ToHexStringLower(signer.Sign("rate-limit", address).AsSpan(0, 12));
        var counter = blobs.GetBlobContainerClient(StorageLayout.Limits).GetBlobClient(StorageLayout.RateCounter(hour, who));
        var limit = options.Value.RateLimitPerHour;

        return OptimisticConcurrency.RetryAsync("Counting submissions", async () =>
        {
            var read = await counter.ReadAsync(cancellationToken);
            var count = read is { } found && int.TryParse(found.Content.ToString(), out var n) ? n : 0;
            if (count >= limit)
            {
                return (true, new RateLimitDecision(false, hour.AddHours(1)));
            }

            var counted = await counter.ReplaceIfUnchangedAsync(BinaryData.FromString($"{count + 1}"), BlobWrites.Headers("text/plain"), read?.ETag, cancellationToken);
            return (counted, new RateLimitDecision(true, hour.AddHours(1)));
        }, cancellationToken);
    }
}
