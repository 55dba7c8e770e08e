using System.Buffers.Binary;
using System.Text;

namespace Soliday.Testing;

/// <summary>
/// HEIF files for the tests: the shared corpus's real HEIC (640×426, EXIF and XMP inside), and
/// copies of it with boxes edited the way a camera or an attacker would, each still a file libheif
/// parses up to the edit. Edits that add bytes inside <c>meta</c> move the picture data in
/// <c>mdat</c>, so the parents' sizes and the item locations (<c>iloc</c>) are moved with them.
/// And AVIF files made from the same photo (see tests/Shared/Photos/README.md).
/// </summary>
public static class HeifFiles
{
    public const int Width = 640;
    public const int Height = 426;

    private static readonly string[] Ipco = ["meta", "iprp", "ipco"];
    private static readonly string[] Ipma = ["meta", "iprp", "ipma"];
    private static readonly string[] Ispe = ["meta", "iprp", "ipco", "ispe"];

    public static byte[] Original() => Corpus.Read("other-formats", "EX__heic_samplefilehub.heif");

    /// <summary>The same photo as AVIF (AV1 inside), made from the corpus HEIC by ImageMagick.</summary>
    public static byte[] Avif() => Photos("samplefilehub.avif");

    /// <summary>The same photo enlarged to 2000×1332 as AVIF: more pixels than a one-megabyte allocator cap holds.</summary>
    public static byte[] LargeAvif() => Photos("samplefilehub-2000.avif");

    /// <summary>A 386×395 AVIF with transparency, made from the corpus's lossless WebP with alpha.</summary>
    public static byte[] AvifWithAlpha() => Photos("alpha.avif");

    /// <summary>The corpus HEIC as ImageMagick decodes it, shrunk to 32×32 and saved as PNG: pixels to compare with.</summary>
    public static byte[] ReferencePixels() => Photos("samplefilehub-32x32.png");

    /// <summary>The photo with its <c>ispe</c> box claiming another size: a decompression bomb when large.</summary>
    public static byte[] WithDeclaredSize(uint width, uint height)
    {
        var file = Original();
        var ispe = Find(file, Ispe);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(ispe.Body + 4), width);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(ispe.Body + 8), height);
        return file;
    }

    /// <summary>
    /// The photo turned by its container, as an iPhone held upright writes it: an <c>irot</c>
    /// property (<paramref name="quarterTurnsAnticlockwise"/>), and the EXIF orientation set to
    /// <paramref name="exifOrientation"/>, which HEIF says readers must not apply on top.
    /// </summary>
    public static byte[] TurnedByContainer(byte quarterTurnsAnticlockwise, ushort exifOrientation)
    {
        var file = WithExifOrientation(Original(), exifOrientation);
        var properties = Children(file, Find(file, Ipco)).Count;
        file = Insert(file, Ipco, Box("irot", [quarterTurnsAnticlockwise]));

        // The primary image (the only entry) gains an essential association with the new property.
        var ipma = Find(file, Ipma);
        var associationCount = ipma.Body + 4 + 4 + 2; // version and flags, entry count, item id
        file[associationCount]++;
        return Insert(file, Ipma, [(byte)(0x80 | (properties + 1))]);
    }

    /// <summary>The first <paramref name="bytes"/> of the photo, as a broken upload leaves it.</summary>
    public static byte[] Truncated(int bytes) => Original()[..bytes];

    /// <summary>The photo with the first bytes of its coded picture (the primary item's data in <c>mdat</c>) overwritten: a sound header over broken data.</summary>
    public static byte[] WithGarbledPictureData()
    {
        var file = Original();
        var iloc = Find(file, ["meta", "iloc"]);
        var primary = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(iloc.Body + 8 + 4)); // the first item's base offset
        file.AsSpan(primary, 64).Fill(0xFF);
        return file;
    }

    /// <summary>
    /// The photo with its EXIF item moved to the end of the file and grown to <paramref name="bytes"/>
    /// (its own EXIF, then zeros): as much EXIF as the item location declares, all of it in the file.
    /// </summary>
    public static byte[] WithExifItemOf(int bytes)
    {
        var file = Original();
        var (exifItem, _) = ExifLocation(file);
        var exif = file.AsSpan(exifItem.Offset, exifItem.Length).ToArray();
        var grown = new byte[file.Length + bytes];
        file.CopyTo(grown, 0);
        exif.CopyTo(grown, file.Length);

        var mdat = Find(grown[..file.Length], ["mdat"]);
        BinaryPrimitives.WriteUInt32BigEndian(grown.AsSpan(mdat.Start), (uint)(mdat.Size + bytes));
        var (_, at) = ExifLocation(grown);
        BinaryPrimitives.WriteUInt32BigEndian(grown.AsSpan(at.Offset), (uint)file.Length);
        BinaryPrimitives.WriteUInt32BigEndian(grown.AsSpan(at.Length), (uint)bytes);
        return grown;
    }

    /// <summary>The photo with its EXIF item declaring more bytes than the file has after it.</summary>
    public static byte[] WithExifItemOutsideTheFile()
    {
        var file = Original();
        var (_, at) = ExifLocation(file);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at.Length), 1024 * 1024);
        return file;
    }

    /// <summary>The photo with <paramref name="depth"/> property containers nested inside its own.</summary>
    public static byte[] WithNestedBoxes(int depth)
    {
        var nested = Box("free", []);
        for (var i = 0; i < depth; i++)
        {
            nested = Box("ipco", nested);
        }

        return Insert(Original(), Ipco, nested);
    }

    /// <summary>The photo with its <c>ispe</c> box claiming to be longer than the property container that holds it.</summary>
    public static byte[] WithOverlongBox()
    {
        var file = Original();
        var ispe = Find(file, Ispe);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(ispe.Start), 64 * 1024 * 1024);
        return file;
    }

    /// <summary>Reads a file of tests/Shared/Photos, found by walking up from the test's folder.</summary>
    private static byte[] Photos(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "tests", "Shared", "Photos", name);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new FileNotFoundException($"tests/Shared/Photos/{name} not found above {AppContext.BaseDirectory}.");
    }

    private static byte[] WithExifOrientation(byte[] file, ushort orientation)
    {
        // The corpus photo's EXIF is big-endian: tag 0x0112, type SHORT, count 1, value 1.
        ReadOnlySpan<byte> tag = [0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01];
        var at = file.AsSpan().IndexOf(tag);
        if (at < 0)
        {
            throw new InvalidOperationException("The corpus HEIC no longer has the EXIF orientation this builder edits.");
        }

        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(at + 8), orientation);
        return file;
    }

    private static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    /// <summary>Appends <paramref name="content"/> at the end of the box at <paramref name="path"/>, growing it and its parents and moving the items after it.</summary>
    private static byte[] Insert(byte[] file, string[] path, byte[] content)
    {
        var target = Find(file, path);
        var at = target.Start + target.Size;
        var grown = file[..at].Concat(content).Concat(file[at..]).ToArray();
        for (var depth = 1; depth <= path.Length; depth++)
        {
            var box = Find(file, path[..depth]);
            BinaryPrimitives.WriteUInt32BigEndian(grown.AsSpan(box.Start), (uint)(box.Size + content.Length));
        }

        MoveItems(grown, after: at, by: content.Length);
        return grown;
    }

    /// <summary>
    /// Moves every item extent that starts past <paramref name="after"/> by <paramref name="by"/> bytes
    /// (iloc version 0, 32-bit fields, as the corpus file has). An extent's place is its item's base
    /// offset plus its own offset: the corpus file uses one for the picture and the other for EXIF and XMP.
    /// </summary>
    private static void MoveItems(byte[] file, int after, int by)
    {
        var iloc = Find(file, ["meta", "iloc"]);
        var span = file.AsSpan(iloc.Body);
        if (span[0] != 0 || span[4] != 0x44 || span[5] != 0x40)
        {
            throw new InvalidOperationException("The corpus HEIC's iloc is no longer version 0 with 32-bit offsets.");
        }

        var items = BinaryPrimitives.ReadUInt16BigEndian(span[6..]);
        var at = 8;
        for (var i = 0; i < items; i++)
        {
            var baseOffset = BinaryPrimitives.ReadUInt32BigEndian(span[(at + 4)..]); // after item id, data reference index
            var extents = BinaryPrimitives.ReadUInt16BigEndian(span[(at + 8)..]);
            if (baseOffset >= after)
            {
                BinaryPrimitives.WriteUInt32BigEndian(span[(at + 4)..], (uint)(baseOffset + by));
            }
            else
            {
                for (var extent = 0; extent < extents; extent++)
                {
                    var field = span[(at + 10 + (extent * 8))..];
                    var offset = BinaryPrimitives.ReadUInt32BigEndian(field);
                    if (baseOffset + offset >= after)
                    {
                        BinaryPrimitives.WriteUInt32BigEndian(field, (uint)(offset + by));
                    }
                }
            }

            at += 10 + (extents * 8);
        }
    }

    /// <summary>
    /// Where the EXIF item's data is, and where its one extent's offset and length are written in
    /// <c>iloc</c>: the corpus file's second item (iloc version 0, 32-bit fields, base offset 0).
    /// </summary>
    private static ((int Offset, int Length) Data, (int Offset, int Length) Fields) ExifLocation(byte[] file)
    {
        var iloc = Find(file, ["meta", "iloc"]);
        var second = iloc.Body + 8 + 18; // version and flags, field sizes, item count, then the first item's 18 bytes
        if (BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(second)) != 2 || BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(second + 4)) != 0)
        {
            throw new InvalidOperationException("The corpus HEIC's EXIF is no longer its second item, placed by its extent alone.");
        }

        var offset = second + 4 + 4 + 2; // id, data reference index, base offset, extent count
        var length = offset + 4;
        return (
            ((int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset)), (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(length))),
            (offset, length));
    }

    private sealed record BoxAt(int Start, int Size, int Body);

    private static BoxAt Find(byte[] file, string[] path)
    {
        var children = Children(file, new BoxAt(0, file.Length, 0));
        BoxAt? found = null;
        foreach (var type in path)
        {
            found = children.Single(c => Encoding.ASCII.GetString(file, c.Start + 4, 4) == type);
            children = Children(file, found);
        }

        return found!;
    }

    private static List<BoxAt> Children(byte[] file, BoxAt parent)
    {
        var isFullBox = parent.Start + 8 <= file.Length && parent.Body > 0 && Encoding.ASCII.GetString(file, parent.Start + 4, 4) == "meta";
        var children = new List<BoxAt>();
        for (var at = parent.Body + (isFullBox ? 4 : 0); at + 8 <= parent.Start + parent.Size;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            if (size < 8)
            {
                break; // not a container of boxes (a property's own fields)
            }

            children.Add(new BoxAt(at, size, at + 8));
            at += size;
        }

        return children;
    }
}
