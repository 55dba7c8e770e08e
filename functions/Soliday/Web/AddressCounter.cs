using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;

namespace Soliday.Web;

/// <summary>Whether an address is within a limit now, and if not, when it may try again.</summary>
public sealed record AddressAllowance(bool Allowed, DateTimeOffset RetryAt, TimeSpan RetryAfter)
{
    /// <summary>Whole seconds for a <c>Retry-After</c> header: at least one, so a client never retries at once.</summary>
    public string RetryAfterSeconds => $"{Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds))}";
}

/// <summary>
/// Counts what one address does in the current hour (one purpose per limit: "rate-limit",
/// "submission-attempt", ...), in storage so every instance of the app shares the count. Each
/// count appends one byte to the address's append blob for the hour, on the condition that the
/// blob is then no longer than the limit (<c>x-ms-blob-condition-maxsize</c>): storage itself
/// decides, atomically, whether this append is within the limit. Appends never wait for each other,
/// as a compare-and-swap counter would when a whole library's wifi sends at once, and a burst of
/// parallel requests cannot all pass a check made before any of them was counted (nor can it read
/// one stale count from the append's reply: Azurite's can be).
/// Addresses are kept only as a keyed hash of their <see cref="ClientAddress.BucketOf">bucket</see>,
/// so the count says nothing about who sent what.
/// </summary>
public sealed class AddressCounter(BlobServiceClient blobs, TokenSigner signer, TimeProvider clock)
{
    /// <summary>The most blocks an append blob holds: no limit can count higher.</summary>
    public const int MaxCount = 50_000;

    /// <summary>Counts one more for <paramref name="address"/> if that keeps it within <paramref name="limit"/>; past it, nothing is counted and the answer is no.</summary>
    public async Task<AddressAllowance> CountAsync(string purpose, string address, int limit, CancellationToken cancellationToken)
    {
        var hour = CurrentHour();
        var counter = Counter(purpose, address, hour);
        try
        {
            await AppendAsync(counter, limit, cancellationToken);
            return Allowance(true, hour);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.MaxBlobSizeConditionNotMet)
        {
            return Allowance(false, hour);
        }
    }

    /// <summary>
    /// Whether <paramref name="address"/> has not yet reached <paramref name="limit"/>, without counting:
    /// for what is counted only when it fails (a wrong curator token), checked before it is tried.
    /// </summary>
    public async Task<AddressAllowance> PeekAsync(string purpose, string address, int limit, CancellationToken cancellationToken)
    {
        var hour = CurrentHour();
        try
        {
            var properties = await Counter(purpose, address, hour).GetPropertiesAsync(cancellationToken: cancellationToken);
            return Allowance(properties.Value.ContentLength < limit, hour);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Allowance(true, hour);
        }
    }

    private static async Task AppendAsync(AppendBlobClient counter, int limit, CancellationToken cancellationToken)
    {
        try
        {
            await AppendOneAsync(counter, limit, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            // The hour's first: create it (only if still absent, so a parallel first is not wiped) and count again.
            await counter.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await AppendOneAsync(counter, limit, cancellationToken);
        }
    }

    /// <summary>One byte is one count, so the blob's length is the count, and a length of at most the limit is the condition.</summary>
    private static async Task AppendOneAsync(AppendBlobClient counter, int limit, CancellationToken cancellationToken)
    {
        using var oneMore = new MemoryStream([1]);
        var withinTheLimit = new AppendBlobAppendBlockOptions { Conditions = new AppendBlobRequestConditions { IfMaxSizeLessThanOrEqual = limit } };
        await counter.AppendBlockAsync(oneMore, withinTheLimit, cancellationToken);
    }

    private AppendBlobClient Counter(string purpose, string address, DateTimeOffset hour)
    {
        var who = Convert.ToHexStringLower(signer.Sign(purpose, ClientAddress.BucketOf(address)).AsSpan(0, 12));
        return blobs.GetBlobContainerClient(StorageLayout.Limits).GetAppendBlobClient(StorageLayout.AddressCounter(purpose, hour, who));
    }

    private DateTimeOffset CurrentHour()
    {
        var now = clock.GetUtcNow();
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
    }

    private AddressAllowance Allowance(bool allowed, DateTimeOffset hour)
    {
        var next = hour.AddHours(1);
        return new AddressAllowance(allowed, next, next - clock.GetUtcNow());
    }
}
