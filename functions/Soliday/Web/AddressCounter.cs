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
/// count appends one block to the address's append blob for the hour, and the append's own answer
/// (the blob's committed block count, this block included) decides: appends never wait for each
/// other, as a compare-and-swap counter would when a whole library's wifi sends at once, and a
/// burst of parallel requests cannot all pass a check made before any of them was counted.
/// Addresses are kept only as a keyed hash of their <see cref="ClientAddress.BucketOf">bucket</see>,
/// so the count says nothing about who sent what.
/// </summary>
public sealed class AddressCounter(BlobServiceClient blobs, TokenSigner signer, TimeProvider clock)
{
    /// <summary>The most blocks an append blob holds: no limit can count higher.</summary>
    public const int MaxCount = 50_000;

    /// <summary>Counts one more for <paramref name="address"/>; allowed while the count, this one included, is within <paramref name="limit"/>.</summary>
    public async Task<AddressAllowance> CountAsync(string purpose, string address, int limit, CancellationToken cancellationToken)
    {
        var hour = CurrentHour();
        var counter = Counter(purpose, address, hour);
        try
        {
            return Allowance(await AppendAsync(counter, cancellationToken) <= limit, hour);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlockCountExceedsLimit)
        {
            return Allowance(false, hour); // counted as far as a blob can: far past any limit
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
            return Allowance(properties.Value.BlobCommittedBlockCount < limit, hour);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Allowance(true, hour);
        }
    }

    private static async Task<int> AppendAsync(AppendBlobClient counter, CancellationToken cancellationToken)
    {
        try
        {
            return await AppendOneAsync(counter, cancellationToken);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound)
        {
            // The hour's first: create it (only if still absent, so a parallel first is not wiped) and count again.
            await counter.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return await AppendOneAsync(counter, cancellationToken);
        }
    }

    private static async Task<int> AppendOneAsync(AppendBlobClient counter, CancellationToken cancellationToken)
    {
        using var oneMore = new MemoryStream([1]);
        return (await counter.AppendBlockAsync(oneMore, cancellationToken: cancellationToken)).Value.BlobCommittedBlockCount;
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
