using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Soliday.Storage;

/// <summary>The two kinds of write Soliday makes: create-once, and replace-if-unchanged (ETag).</summary>
public static class BlobWrites
{
    public static BlobHttpHeaders Json { get; } = new() { ContentType = "application/json" };

    public static BlobHttpHeaders Headers(string contentType, string? cacheControl = null) =>
        new() { ContentType = contentType, CacheControl = cacheControl };

    /// <summary>
    /// Writes a blob only if none exists (<c>If-None-Match: *</c>). Returns false when it was already
    /// there: a retried step then changes nothing.
    /// </summary>
    public static async Task<bool> CreateOnceAsync(this BlobClient blob, BinaryData content, BlobHttpHeaders headers, CancellationToken cancellationToken = default)
    {
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = headers,
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Replaces a blob only if it is still the version read (<paramref name="readETag"/>), or creates it
    /// when it was absent (null). Returns false when someone else wrote first: read again and retry.
    /// </summary>
    public static async Task<bool> ReplaceIfUnchangedAsync(
        this BlobClient blob, BinaryData content, BlobHttpHeaders headers, ETag? readETag, CancellationToken cancellationToken = default, IDictionary<string, string>? metadata = null)
    {
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = headers,
                Metadata = metadata,
                Conditions = readETag is { } etag
                    ? new BlobRequestConditions { IfMatch = etag }
                    : new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// As <see cref="ReplaceIfUnchangedAsync"/>, for a writer that writes the same blob again: returns
    /// the new version's ETag, or null when someone else wrote first.
    /// </summary>
    public static async Task<ETag?> TryReplaceAsync(this BlobClient blob, BinaryData content, BlobHttpHeaders headers, ETag? readETag, CancellationToken cancellationToken = default)
    {
        try
        {
            var written = await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = headers,
                Conditions = readETag is { } etag
                    ? new BlobRequestConditions { IfMatch = etag }
                    : new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
            return written.Value.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>Reads a blob with its ETag, or null when it does not exist.</summary>
    public static async Task<(BinaryData Content, ETag ETag)?> ReadAsync(this BlobClient blob, CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken);
            return (result.Value.Content, result.Value.Details.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
