using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Soliday.Storage;

/// <summary>One named part of a composed blob. Empty content leaves the part out of the blob.</summary>
/// <param name="Version">The version of the source the part was made from, kept so a later writer with an older source can stop.</param>
public sealed record BlobPart(string Name, BinaryData Content, long Version = 0)
{
    public bool IsEmpty => Content.ToMemory().Length == 0;
}

/// <summary>What a composed blob's metadata says it holds: each part's block and version, and the writer's own values.</summary>
public sealed record ComposedState(bool Exists, IReadOnlyDictionary<string, PartRecord> Parts, IReadOnlyDictionary<string, string> Values)
{
    public static ComposedState Missing { get; } = new(false, new Dictionary<string, PartRecord>(), new Dictionary<string, string>());

    /// <summary>The source version a part was made from; -1 when the blob has no such part yet.</summary>
    public long VersionOf(string part) => Parts.TryGetValue(part, out var record) ? record.Version : -1;

    public bool Has(string part) => Parts.ContainsKey(part);

    public string? Value(string key) => Values.TryGetValue(key, out var value) ? value : null;
}

/// <param name="BlockId">Null for an empty part, which is left out of the block list.</param>
public sealed record PartRecord(string? BlockId, long Version);

/// <summary>
/// The parts a writer changes, and the values it keeps beside them. <see cref="Delete"/> removes the
/// blob instead (still conditional on it being unchanged since it was read).
/// </summary>
public sealed record ComposedChange(IReadOnlyList<BlobPart> Parts, IReadOnlyDictionary<string, string>? Values = null, bool Delete = false)
{
    public static ComposedChange Deletion { get; } = new([], Delete: true);
}

/// <summary>
/// A block blob made of named parts in a fixed order (a page's head, one part per hour, its foot):
/// a writer re-makes only the parts its change touches, stages them as blocks, and commits the new
/// block list with the parts it did not touch left as they are, conditional on the blob's ETag. So
/// changing one hour of a day of ten thousand entries sends one hour's bytes, not the day's.
/// </summary>
/// <remarks>
/// Block ids are made from the part's name and a hash of its content: a block staged twice (by two
/// writers, or by a retry) is the same block, and an unchanged part is never sent again. Every id
/// has the same length, as Azure requires within one blob. The metadata records, for each part,
/// its block and the source version it came from; it is committed with the block list in one
/// request, so the two always agree. Committing a block list discards every uncommitted block not
/// in it, so a writer that loses (412) or finds a block gone (400 InvalidBlockList) stages its
/// blocks again on the next attempt; after an InvalidBlockList it re-makes every part, because the
/// record cannot be trusted then.
/// </remarks>
public sealed class ComposedBlob(BlockBlobClient blob, BlobHttpHeaders headers, string layout)
{
    /// <summary>Part names are kept short: they go into fixed-length block ids and metadata keys.</summary>
    public const int MaxPartName = 8;

    private const string LayoutKey = "layout";
    private const string PartPrefix = "p_";
    private const string ValuePrefix = "v_";
    private const int HashCharacters = 24;

    /// <summary>Azure refuses a blob whose metadata (names and values together) is larger; Azurite does not check.</summary>
    public const int MaxMetadataBytes = 8 * 1024;

    public string Name => blob.Name;

    /// <summary>
    /// Applies <paramref name="change"/> until the commit wins. <paramref name="order"/> names every
    /// part in blob order; the change must supply each part the blob does not have yet
    /// (<see cref="ComposedState.Has"/>). Returns false when the change wanted nothing written.
    /// </summary>
    public Task<bool> UpdateAsync(IReadOnlyList<string> order, Func<ComposedState, Task<ComposedChange?>> change, CancellationToken cancellationToken = default)
    {
        var distrustRecord = false;
        return OptimisticConcurrency.RetryAsync($"Composing {blob.Name}", async () =>
        {
            var (state, etag) = await ReadStateAsync(distrustRecord, cancellationToken);
            if (await change(state) is not { } wanted)
            {
                return (true, false);
            }

            if (wanted.Delete)
            {
                return (await DeleteAsync(etag, cancellationToken), true);
            }

            var parts = wanted.Parts.ToDictionary(p => p.Name);
            var records = new Dictionary<string, PartRecord>();
            var toStage = new List<(string Id, BinaryData Content)>();
            foreach (var name in order)
            {
                if (parts.TryGetValue(name, out var part))
                {
                    var id = part.IsEmpty ? null : BlockId(name, part.Content);
                    records[name] = new PartRecord(id, part.Version);
                    if (id is not null && state.Parts.GetValueOrDefault(name)?.BlockId != id)
                    {
                        toStage.Add((id, part.Content));
                    }
                }
                else
                {
                    records[name] = state.Parts.GetValueOrDefault(name)
                        ?? throw new InvalidOperationException($"{blob.Name} has no part '{name}' yet, and the change did not make it.");
                }
            }

            var values = new Dictionary<string, string>(state.Values);
            foreach (var (key, value) in wanted.Values ?? new Dictionary<string, string>())
            {
                values[key] = value;
            }

            if (state.Exists && !distrustRecord && toStage.Count == 0 && SameRecords(state, records) && SameValues(state.Values, values))
            {
                return (true, false); // the blob already says exactly this
            }

            try
            {
                await Task.WhenAll(toStage.Select(b => StageAsync(b.Id, b.Content, cancellationToken)));
                await blob.CommitBlockListAsync(
                    order.Select(n => records[n].BlockId).OfType<string>(),
                    new CommitBlockListOptions
                    {
                        HttpHeaders = headers,
                        Metadata = Metadata(records, values),
                        Conditions = etag is { } read ? new BlobRequestConditions { IfMatch = read } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                    },
                    cancellationToken);
                distrustRecord = false;
                return (true, true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                return (false, false); // another writer committed first: read again, stage again
            }
            catch (RequestFailedException e) when (e.Status == 400 && e.ErrorCode == BlobErrorCode.InvalidBlockList.ToString())
            {
                distrustRecord = true; // a block the record names is gone: make every part again
                return (false, false);
            }
        }, cancellationToken);
    }

    /// <summary>The id of a part's block: its name padded to a fixed width, then a hash of its content; base64, as Azure wants.</summary>
    public static string BlockId(string part, BinaryData content)
    {
        if (part.Length is 0 or > MaxPartName || !part.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"A part name is 1 to {MaxPartName} ASCII letters or digits: '{part}'.", nameof(part));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span))[..HashCharacters];
        return Convert.ToBase64String(Encoding.ASCII.GetBytes($"{part.PadRight(MaxPartName, '_')}-{hash}"));
    }

    private async Task<(ComposedState State, ETag? ETag)> ReadStateAsync(bool distrustRecord, CancellationToken cancellationToken)
    {
        BlobProperties properties;
        try
        {
            properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (ComposedState.Missing, null);
        }

        var metadata = properties.Metadata;
        var values = metadata.Where(m => m.Key.StartsWith(ValuePrefix, StringComparison.Ordinal))
            .ToDictionary(m => m.Key[ValuePrefix.Length..], m => m.Value);

        // A blob written by another layout (an older version of Soliday), or whose record failed us,
        // is made again whole: its parts cannot be reused.
        if (distrustRecord || !metadata.TryGetValue(LayoutKey, out var recordedLayout) || recordedLayout != layout)
        {
            return (new ComposedState(true, new Dictionary<string, PartRecord>(), values), properties.ETag);
        }

        var parts = metadata.Where(m => m.Key.StartsWith(PartPrefix, StringComparison.Ordinal))
            .ToDictionary(m => m.Key[PartPrefix.Length..], m => ParseRecord(m.Value));
        return (new ComposedState(true, parts, values), properties.ETag);
    }

    private Dictionary<string, string> Metadata(Dictionary<string, PartRecord> records, Dictionary<string, string> values)
    {
        var metadata = new Dictionary<string, string> { [LayoutKey] = layout };
        foreach (var (name, record) in records)
        {
            metadata[PartPrefix + name] = string.Create(CultureInfo.InvariantCulture, $"{record.Version}.{record.BlockId}");
        }

        foreach (var (key, value) in values)
        {
            metadata[ValuePrefix + key] = value;
        }

        // Checked here, so a layout with too many parts fails in tests on Azurite as it would in Azure.
        if (MetadataBytes(metadata) > MaxMetadataBytes)
        {
            throw new InvalidOperationException($"{blob.Name} would need {MetadataBytes(metadata)} bytes of metadata; Azure allows {MaxMetadataBytes}.");
        }

        return metadata;
    }

    /// <summary>The size Azure counts: every name and value (metadata is ASCII).</summary>
    public static int MetadataBytes(IDictionary<string, string> metadata) => metadata.Sum(m => m.Key.Length + m.Value.Length);

    private static PartRecord ParseRecord(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var version = long.Parse(value[..dot], CultureInfo.InvariantCulture);
        var id = value[(dot + 1)..];
        return new PartRecord(id.Length == 0 ? null : id, version);
    }

    private static bool SameRecords(ComposedState state, Dictionary<string, PartRecord> records) =>
        state.Parts.Count == records.Count && records.All(r => state.Parts.TryGetValue(r.Key, out var old) && old == r.Value);

    private static bool SameValues(IReadOnlyDictionary<string, string> old, Dictionary<string, string> values) =>
        old.Count == values.Count && values.All(v => old.TryGetValue(v.Key, out var o) && o == v.Value);

    private async Task StageAsync(string id, BinaryData content, CancellationToken cancellationToken)
    {
        using var stream = content.ToStream();
        await blob.StageBlockAsync(id, stream, cancellationToken: cancellationToken);
    }

    private async Task<bool> DeleteAsync(ETag? etag, CancellationToken cancellationToken)
    {
        if (etag is not { } read)
        {
            return true; // nothing there to delete
        }

        try
        {
            await blob.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = read }, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
