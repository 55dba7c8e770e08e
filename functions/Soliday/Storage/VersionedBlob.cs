using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Soliday.Storage;

/// <summary>The content to write, and the source versions it was made from (by source name).</summary>
public sealed record VersionedContent(BinaryData Content, IReadOnlyDictionary<string, long> Versions);

/// <summary>
/// A blob made from versioned sources (an hour's index, say), that records in its metadata the
/// versions it was made from. A writer reads those first: when the blob already comes from a
/// version at least as new as the writer's own change, there is nothing to do, so a hundred
/// publishes at once cost a handful of renders. Otherwise it writes conditionally on the ETag it
/// read, and a writer that loses reads again: of two writers, the one that wins read after the
/// other's write, so no finished change is ever rendered over by an older one.
/// </summary>
public static class VersionedBlob
{
    private const string VersionPrefix = "v_";

    /// <summary>
    /// Writes what <paramref name="render"/> makes until the write wins. It gets the versions the blob
    /// records (null when there is no blob) and returns null to leave the blob as it is. Unless
    /// <paramref name="mayCreate"/>, a missing blob stays missing: someone else makes it (or removed it).
    /// </summary>
    public static Task<bool> WriteAsync(
        this BlobClient blob,
        BlobHttpHeaders headers,
        Func<IReadOnlyDictionary<string, long>?, Task<VersionedContent?>> render,
        bool mayCreate = true,
        CancellationToken cancellationToken = default) =>
        OptimisticConcurrency.RetryAsync($"Writing {blob.Name}", async () =>
        {
            var (recorded, etag) = await ReadVersionsAsync(blob, cancellationToken);
            if ((recorded is null && !mayCreate) || await render(recorded) is not { } content)
            {
                return (true, false);
            }

            var metadata = content.Versions.ToDictionary(v => VersionPrefix + v.Key, v => v.Value.ToString(CultureInfo.InvariantCulture));
            var written = await blob.ReplaceIfUnchangedAsync(content.Content, headers, etag, cancellationToken, metadata);
            return (written, written);
        }, cancellationToken);

    /// <summary>True when <paramref name="recorded"/> already comes from <paramref name="version"/> of <paramref name="source"/> or later.</summary>
    public static bool Includes(this IReadOnlyDictionary<string, long>? recorded, string source, long version) =>
        recorded is not null && recorded.TryGetValue(source, out var made) && made >= version;

    private static async Task<(IReadOnlyDictionary<string, long>? Versions, ETag? ETag)> ReadVersionsAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var versions = properties.Metadata
                .Where(m => m.Key.StartsWith(VersionPrefix, StringComparison.Ordinal))
                .ToDictionary(m => m.Key[VersionPrefix.Length..], m => long.Parse(m.Value, CultureInfo.InvariantCulture));
            return (versions, properties.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (null, null);
        }
    }
}
