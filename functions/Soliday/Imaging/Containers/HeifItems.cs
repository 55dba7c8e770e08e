using System.Buffers.Binary;

namespace Soliday.Imaging.Containers;

/// <summary>
/// The items of a HEIF file as its boxes declare them, read during <see cref="HeifBoxes"/>' walk:
/// each item's type (<c>infe</c>) and the bytes its extents claim (<c>iloc</c>). The metadata
/// items (EXIF, XMP) sit in <c>mdat</c>, outside the boxes walked, and the decoder reads each whole
/// into memory: they are tallied against <see cref="MetadataLimits"/> as any container's metadata,
/// and no item may claim bytes outside the file.
/// </summary>
internal sealed class HeifItems
{
    private const string XmpContentType = "application/rdf+xml";

    private readonly Dictionary<uint, MetadataKind> _kinds = [];
    private readonly Dictionary<uint, long> _bytes = [];
    private int _extents;

    /// <summary>An item info entry (<c>infe</c>, version 2 or 3): item id, protection index, item type, name, and for <c>mime</c> its content type.</summary>
    public string? ReadEntry(ReadOnlySpan<byte> file, int body, int end)
    {
        if (end - body < 4)
        {
            return "an item entry cut short";
        }

        var version = file[body];
        if (version < 2)
        {
            return null; // versions 0 and 1 have no item type and are not HEIF's: the decoder refuses them
        }

        var box = file[(body + 4)..end];
        var idBytes = version == 2 ? 2 : 4;
        if (box.Length < idBytes + 2 + 4)
        {
            return "an item entry cut short";
        }

        var id = idBytes == 2 ? BinaryPrimitives.ReadUInt16BigEndian(box) : BinaryPrimitives.ReadUInt32BigEndian(box);
        var type = box.Slice(idBytes + 2, 4);
        var rest = box[(idBytes + 2 + 4)..];
        _kinds[id] = type.SequenceEqual("Exif"u8) ? MetadataKind.Exif
            : type.SequenceEqual("mime"u8) ? MimeKind(rest)
            : type.SequenceEqual("uri "u8) ? MetadataKind.Other
            : MetadataKind.Image; // coded pictures, grids, overlays, gain maps: pixels, not metadata
        return null;
    }

    /// <summary>The item locations (<c>iloc</c>, versions 0 to 2): for each item, its extents' lengths, and whether they lie inside the file.</summary>
    public string? ReadLocations(ReadOnlySpan<byte> file, int body, int end)
    {
        var reader = new FieldReader(file[body..end]);
        var version = reader.Byte();
        reader.Skip(3); // flags
        var sizes = reader.Byte();
        var moreSizes = reader.Byte();
        var (offsetSize, lengthSize, baseOffsetSize) = (sizes >> 4, sizes & 0x0F, moreSizes >> 4);
        var indexSize = version > 0 ? moreSizes & 0x0F : 0;
        if (version > 2 || !IsFieldSize(offsetSize) || !IsFieldSize(lengthSize) || !IsFieldSize(baseOffsetSize) || !IsFieldSize(indexSize))
        {
            return "an item location box of an unknown form";
        }

        var items = version < 2 ? reader.UInt16() : reader.UInt32();
        for (var item = 0u; item < items && reader.Problem is null; item++)
        {
            var id = version < 2 ? reader.UInt16() : reader.UInt32();
            var constructionMethod = version > 0 ? reader.UInt16() & 0x0F : 0;
            var dataReference = reader.UInt16();
            var baseOffset = reader.Sized(baseOffsetSize);
            var extents = reader.UInt16();
            if ((_extents += extents) > HeifBoxes.MaxBoxes)
            {
                return $"more than {HeifBoxes.MaxBoxes} item extents";
            }

            for (var extent = 0; extent < extents && reader.Problem is null; extent++)
            {
                reader.Skip(indexSize);
                var offset = reader.Sized(offsetSize);
                var length = reader.Sized(lengthSize);

                // Construction method 0 points into this file (1 into idat, 2 at other items); data reference 0 is this file itself.
                var inFile = constructionMethod == 0 && dataReference == 0;
                if (inFile && !Inside(baseOffset, offset, length, file.Length))
                {
                    return "an item whose data lies outside the file";
                }

                // Length 0 means "to the end of the file". No item holds more than the file, whatever it declares.
                var claimed = length == 0 && inFile ? (ulong)file.Length - baseOffset - offset : length;
                _bytes[id] = _bytes.GetValueOrDefault(id) + (long)Math.Min(claimed, (ulong)file.Length);
            }
        }

        return reader.Problem;
    }

    /// <summary>Counts every item's bytes as its kind; the first limit passed, or null.</summary>
    public string? Tally(MetadataTally tally)
    {
        foreach (var (id, bytes) in _bytes)
        {
            if (!tally.Add(_kinds.GetValueOrDefault(id, MetadataKind.Image), bytes))
            {
                return tally.Exceeded;
            }
        }

        return null;
    }

    private static bool IsFieldSize(int bytes) => bytes is 0 or 4 or 8;

    /// <summary>Whether an extent lies inside the file (length 0: to its end), computed without overflow.</summary>
    private static bool Inside(ulong baseOffset, ulong offset, ulong length, int fileLength)
    {
        var size = (ulong)fileLength;
        if (baseOffset > size || offset > size - baseOffset)
        {
            return false;
        }

        return length <= size - baseOffset - offset;
    }

    /// <summary>An item name, then a content type: both null-terminated strings.</summary>
    private static MetadataKind MimeKind(ReadOnlySpan<byte> nameAndType)
    {
        var nameEnd = nameAndType.IndexOf((byte)0);
        var contentType = nameEnd < 0 ? [] : nameAndType[(nameEnd + 1)..];
        return contentType.StartsWith(System.Text.Encoding.ASCII.GetBytes(XmpContentType)) ? MetadataKind.Xmp : MetadataKind.Other;
    }

    /// <summary>Big-endian fields read in order from one box; reading past its end sets <see cref="Problem"/> and yields zeros.</summary>
    private ref struct FieldReader(ReadOnlySpan<byte> box)
    {
        private readonly ReadOnlySpan<byte> _box = box;
        private int _at;

        public string? Problem { get; private set; }

        public byte Byte() => Take(1) is { Length: 1 } b ? b[0] : (byte)0;

        public ushort UInt16() => Take(2) is { Length: 2 } b ? BinaryPrimitives.ReadUInt16BigEndian(b) : (ushort)0;

        public uint UInt32() => Take(4) is { Length: 4 } b ? BinaryPrimitives.ReadUInt32BigEndian(b) : 0;

        public ulong Sized(int bytes) => bytes switch
        {
            4 => UInt32(),
            8 => Take(8) is { Length: 8 } b ? BinaryPrimitives.ReadUInt64BigEndian(b) : 0,
            _ => 0,
        };

        public void Skip(int bytes) => Take(bytes);

        private ReadOnlySpan<byte> Take(int bytes)
        {
            if (_box.Length - _at < bytes)
            {
                Problem ??= "an item location box cut short";
                _at = _box.Length;
                return [];
            }

            var taken = _box.Slice(_at, bytes);
            _at += bytes;
            return taken;
        }
    }
}
