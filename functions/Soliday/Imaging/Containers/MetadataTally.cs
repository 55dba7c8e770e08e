namespace Soliday.Imaging.Containers;

/// <summary>
/// The metadata of one file as it is walked: pieces and bytes per kind, against
/// <see cref="MetadataLimits"/>. The first limit passed is kept and ends the walk.
/// </summary>
public sealed class MetadataTally
{
    private readonly Dictionary<MetadataKind, long> _bytes = [];
    private long _total;
    private int _pieces;

    /// <summary>The limit passed, in words for the log (never the file's content), or null while within bounds.</summary>
    public string? Exceeded { get; private set; }

    /// <summary>Room left for a piece of this kind: what an inflate may produce before it is stopped.</summary>
    public long Room(MetadataKind kind) =>
        Math.Max(0, Math.Min(Limit(kind) - _bytes.GetValueOrDefault(kind), MetadataLimits.MaxTotalBytes - _total));

    /// <summary>Counts one piece of <paramref name="bytes"/>; false once any limit is passed.</summary>
    public bool Add(MetadataKind kind, long bytes)
    {
        if (kind == MetadataKind.Image || Exceeded is not null)
        {
            return Exceeded is null;
        }

        var ofKind = _bytes[kind] = _bytes.GetValueOrDefault(kind) + bytes;
        _total += bytes;
        _pieces++;
        Exceeded = ofKind > Limit(kind) ? $"{kind} over {Limit(kind)} bytes"
            : _total > MetadataLimits.MaxTotalBytes ? $"metadata over {MetadataLimits.MaxTotalBytes} bytes"
            : _pieces > MetadataLimits.MaxPieces ? $"more than {MetadataLimits.MaxPieces} pieces of metadata"
            : null;
        return Exceeded is null;
    }

    private static long Limit(MetadataKind kind) => kind switch
    {
        MetadataKind.IccProfile => MetadataLimits.MaxIccProfileBytes,
        MetadataKind.Exif => MetadataLimits.MaxExifBytes,
        MetadataKind.Xmp => MetadataLimits.MaxXmpBytes,
        MetadataKind.Text => MetadataLimits.MaxTextBytes,
        _ => MetadataLimits.MaxTotalBytes,
    };
}
