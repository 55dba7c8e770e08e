using System.Buffers.Binary;
using System.Text;
using Soliday.Entries;

namespace Soliday.Imaging.Containers;

/// <summary>What a HEIF or AVIF file's boxes say, or why they cannot be read.</summary>
/// <param name="Format"><see cref="ImageFormats.Heic"/> or <see cref="ImageFormats.Avif"/>, from the file's brands.</param>
/// <param name="Width">The widest image any <c>ispe</c> box declares: the primary image, a tile, a thumbnail or a depth map alike.</param>
/// <param name="Height">The tallest, likewise (not necessarily of the same image: the larger claim of each counts).</param>
/// <param name="IsSequence">The major brand is an image sequence (animation), not a still photo.</param>
/// <param name="Problem">Why the structure cannot be trusted, in words for the log (never the file's content), or null.</param>
public sealed record HeifStructure(string Format, int Width, int Height, bool IsSequence, string? Problem);

/// <summary>
/// Walks the ISO base media file format boxes of a HEIF (iPhone HEIC) or AVIF file before the
/// decoder sees it, as <see cref="ContainerWalker"/> does for the other formats: nesting, number
/// and sizes of boxes bounded, every box inside its parent, and the pixel size each image item
/// declares in its <c>ispe</c> property read, so a decompression bomb is refused from its header.
/// Metadata is tallied against <see cref="MetadataLimits"/>: colour profiles and <c>idat</c> in
/// <c>meta</c> itself, EXIF and XMP items wherever their extents point (<see cref="HeifItems"/>).
/// Pure: it reads the bytes it is given and allocates only per box, of which there are at most
/// <see cref="MaxBoxes"/>.
/// </summary>
public static class HeifBoxes
{
    /// <summary>
    /// Containers nested deeper than this are refused: a still HEIF nests four deep
    /// (<c>meta</c>, <c>iprp</c>, <c>ipco</c>, a property); deeper is a file made to exhaust a
    /// recursive parser.
    /// </summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// Boxes in one file: a 48 MP iPhone photo is about 200 tiles plus its gain map, each an
    /// <c>infe</c> box, a few hundred in all. Thousands of tiny boxes cost the parser per box.
    /// </summary>
    public const int MaxBoxes = 4096;

    private const int HeaderBytes = 8; // 32-bit size, type
    private const int LargeHeaderBytes = 16; // size 1, type, 64-bit size
    private const int FullBoxBytes = 4; // version, flags

    private static readonly string[] HeicBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"];
    private static readonly string[] AvifBrands = ["avif", "avis"];

    /// <summary>Major brands of image sequences: animations, which we refuse as we refuse animated WebP.</summary>
    private static readonly string[] SequenceBrands = ["avis", "msf1", "hevc", "hevx", "hevm", "hevs"];

    private static readonly string[] StructuralBrands = ["mif1", "msf1"];

    /// <summary>An ISO-BMFF file whose <c>ftyp</c> box names a HEIF or AVIF brand, major or compatible.</summary>
    public static bool IsHeif(ReadOnlySpan<byte> file) => BrandFormat(file) is not null;

    /// <summary>The structure of a file that <see cref="IsHeif"/> recognised, checked against the limits above.</summary>
    public static HeifStructure Read(ReadOnlyMemory<byte> file, MetadataTally tally)
    {
        var span = file.Span;
        var format = BrandFormat(span) ?? throw new ArgumentException("Not a HEIF or AVIF file.", nameof(file));
        var walk = new Walk(tally);
        walk.Children(span, 0, span.Length, depth: 0);
        var problem = walk.Problem
            ?? walk.Items.Tally(tally)
            ?? (!walk.SawMeta ? "no meta box" : walk.Width == 0 ? "no image size (ispe)" : null);
        return new HeifStructure(format, walk.Width, walk.Height, SequenceBrands.Contains(Fourcc(span, 8)), problem);
    }

    /// <summary>HEIC or AVIF by the brands of <c>ftyp</c>; a structural brand alone (mif1) is read as HEIC, the iPhone's.</summary>
    private static string? BrandFormat(ReadOnlySpan<byte> file)
    {
        if (file.Length < 16 || !file.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return null;
        }

        var ftypEnd = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(file), file.Length);
        var brands = new List<string> { Fourcc(file, 8) }; // major brand; then minor version, then compatible brands
        for (var at = 16; at + 4 <= ftypEnd; at += 4)
        {
            brands.Add(Fourcc(file, at));
        }

        return brands.Any(AvifBrands.Contains) ? ImageFormats.Avif
            : brands.Any(b => HeicBrands.Contains(b) || StructuralBrands.Contains(b)) ? ImageFormats.Heic
            : null;
    }

    private static string Fourcc(ReadOnlySpan<byte> bytes, int at) => Encoding.Latin1.GetString(bytes.Slice(at, 4));

    /// <summary>The state of one walk: what has been seen, and the first problem, which ends it.</summary>
    private sealed class Walk(MetadataTally tally)
    {
        private int _boxes;

        public HeifItems Items { get; } = new();

        public string? Problem { get; private set; }

        public bool SawMeta { get; private set; }

        public int Width { get; private set; }

        public int Height { get; private set; }

        /// <summary>The boxes from <paramref name="start"/> to <paramref name="end"/>, each of which must end inside it.</summary>
        public void Children(ReadOnlySpan<byte> file, int start, int end, int depth)
        {
            if (depth > MaxDepth)
            {
                Problem = $"boxes nested deeper than {MaxDepth}";
                return;
            }

            for (var at = start; at < end && Problem is null;)
            {
                if (++_boxes > MaxBoxes)
                {
                    Problem = $"more than {MaxBoxes} boxes";
                    return;
                }

                if (end - at < HeaderBytes)
                {
                    Problem = "a box header cut short";
                    return;
                }

                var (size, header) = SizeOf(file, at, end);
                if (size < header || size > end - at)
                {
                    // Too short to hold its own header, or running past its parent or the file: a
                    // truncated file, or one made to send the parser outside the box.
                    Problem = "a box whose size does not fit its parent";
                    return;
                }

                Visit(file, Fourcc(file, at + 4), at + header, at + (int)size, depth);
                at += (int)size;
            }
        }

        /// <summary>The declared size (0 means "to the end of the parent"; 1 means a 64-bit size follows) and the header's length.</summary>
        private static (long Size, int Header) SizeOf(ReadOnlySpan<byte> file, int at, int end)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(file[at..]);
            return size switch
            {
                0 => (end - at, HeaderBytes),
                1 when end - at >= LargeHeaderBytes => ((long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(file[(at + 8)..]), long.MaxValue), LargeHeaderBytes),
                1 => (0, LargeHeaderBytes), // too short for its own 64-bit size: refused by the caller
                _ => (size, HeaderBytes),
            };
        }

        private void Visit(ReadOnlySpan<byte> file, string type, int body, int end, int depth)
        {
            switch (type)
            {
                case "meta":
                    SawMeta = true;
                    FullBoxChildren(file, body, end, depth);
                    break;
                case "iinf":
                    // A full box, then the entry count: 16 bits in version 0, 32 after.
                    var countBytes = body < end && file[body] == 0 ? 2 : 4;
                    Children(file, Math.Min(end, body + FullBoxBytes + countBytes), end, depth + 1);
                    break;
                case "iprp" or "ipco" or "dinf" or "grpl":
                    Children(file, body, end, depth + 1);
                    break;
                case "ispe":
                    ImageSize(file, body, end);
                    break;
                case "infe":
                    Problem = Items.ReadEntry(file, body, end);
                    break;
                case "iloc":
                    Problem = Items.ReadLocations(file, body, end);
                    break;
                case "colr" when end - body >= 4 && (file.Slice(body, 4).SequenceEqual("prof"u8) || file.Slice(body, 4).SequenceEqual("rICC"u8)):
                    Count(MetadataKind.IccProfile, end - body - 4);
                    break;
                case "idat":
                    Count(MetadataKind.Other, end - body);
                    break;
            }
        }

        private void FullBoxChildren(ReadOnlySpan<byte> file, int body, int end, int depth)
        {
            if (end - body < FullBoxBytes)
            {
                Problem = "a full box cut short";
                return;
            }

            Children(file, body + FullBoxBytes, end, depth + 1);
        }

        /// <summary>An image's size: a full box, then 32-bit width and height.</summary>
        private void ImageSize(ReadOnlySpan<byte> file, int body, int end)
        {
            if (end - body < FullBoxBytes + 8)
            {
                Problem = "an image size (ispe) cut short";
                return;
            }

            var width = BinaryPrimitives.ReadUInt32BigEndian(file[(body + FullBoxBytes)..]);
            var height = BinaryPrimitives.ReadUInt32BigEndian(file[(body + FullBoxBytes + 4)..]);
            if (width == 0 || height == 0)
            {
                Problem = "an image of no pixels";
                return;
            }

            Width = (int)Math.Max(Width, Math.Min(width, int.MaxValue));
            Height = (int)Math.Max(Height, Math.Min(height, int.MaxValue));
        }

        private void Count(MetadataKind kind, long bytes)
        {
            if (!tally.Add(kind, bytes))
            {
                Problem = tally.Exceeded;
            }
        }
    }
}
