using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Soliday.Testing;

/// <summary>A crafted file and the limit it is made to break, named for test output.</summary>
public sealed record HostileImage(string Name, byte[] Bytes)
{
    public override string ToString() => Name;
}

/// <summary>
/// Real photos from the corpus with hostile metadata put into their containers: decompression
/// bombs in PNG text and profiles, oversized or countless WebP chunks, JPEG APP segments and GIF
/// extensions. Each is otherwise a photo the site takes, so only its metadata can be why it is refused.
/// Built byte by byte here, quickly: a 1 GiB bomb is about 1 MB, made without inflating anything.
/// </summary>
public static class HostileImages
{
    private const int OneMiB = 1024 * 1024;
    private const long OneGiB = 1024L * OneMiB;

    /// <summary>The largest payload of one JPEG segment (its length field counts itself).</summary>
    private const int JpegSegmentPayload = 65_533;

    /// <summary>The twenty classes of hostile file, each refused for its metadata: the suite the acceptance test and the benchmark send.</summary>
    public static IReadOnlyList<HostileImage> Suite() =>
    [
        new("png-ztxt-1GiB", PngWith(Chunk("zTXt", [.. "Comment\0\0"u8, .. ZlibBomb(OneGiB)]))),
        new("png-itxt-compressed-1GiB", PngWith(Chunk("iTXt", [.. "Description\0\u0001\0\0\0"u8, .. ZlibBomb(OneGiB)]))),
        new("png-iccp-1GiB", PngWith(Chunk("iCCP", [.. "ICC Profile\0\0"u8, .. ZlibBomb(OneGiB)]))),
        new("png-exif-2MiB", PngWith(Chunk("eXIf", new byte[2 * OneMiB]))),
        new("png-300-text-chunks", PngWith([.. Enumerable.Range(0, 300).Select(_ => Chunk("tEXt", "Comment\0hello"u8.ToArray()))])),
        new("png-20-ztxt-of-1MiB", PngWith([.. Enumerable.Range(0, 20).Select(_ => Chunk("zTXt", [.. "Comment\0\0"u8, .. ZlibBomb(OneMiB)]))])),
        new("png-text-declaring-2GiB", PngWith(ChunkDeclaring("tEXt", int.MaxValue, "Comment\0"u8.ToArray()))),
        new("webp-iccp-declaring-512MiB", WebPWith(RiffChunkDeclaring("ICCP", 512u * OneMiB, new byte[64]))),
        new("webp-exif-1MiB", WebPWith(RiffChunk("EXIF", new byte[OneMiB]))),
        new("webp-xmp-declaring-3GiB", WebPWith(RiffChunkDeclaring("XMP ", 3u * 1024 * OneMiB, new byte[64]))),
        new("webp-300-unknown-chunks", WebPWith([.. Enumerable.Range(0, 300).Select(_ => RiffChunk("ZZZZ", new byte[16]))])),
        new("jpeg-300-icc-pieces", JpegWith([.. Enumerable.Range(0, 300).Select(i => JpegSegment(0xE2, [.. "ICC_PROFILE\0"u8, (byte)(i + 1), 44, .. new byte[16]]))])),
        new("jpeg-icc-of-80-full-segments", JpegWith([.. Enumerable.Range(0, 80).Select(i => JpegSegment(0xE2, [.. "ICC_PROFILE\0"u8, (byte)(i + 1), 80, .. new byte[JpegSegmentPayload - 14]]))])),
        new("jpeg-extended-xmp-of-40-segments", JpegWith([.. Enumerable.Range(0, 40).Select(_ => JpegSegment(0xE1, [.. "http://ns.adobe.com/xmp/extension/\0"u8, .. new byte[JpegSegmentPayload - 35]]))])),
        new("jpeg-300-comments", JpegWith([.. Enumerable.Range(0, 300).Select(_ => JpegSegment(0xFE, "hello"u8.ToArray()))])),
        new("gif-300-comments", GifWith([.. Enumerable.Range(0, 300).Select(_ => GifExtension(0xFE, "hello"u8.ToArray()))])),
        new("gif-comment-of-2MiB", GifWith(GifExtension(0xFE, new byte[2 * OneMiB]))),
        new("gif-300-application-extensions", GifWith([.. Enumerable.Range(0, 300).Select(_ => GifApplication("SOLIDAY1.0", new byte[8]))])),
        new("gif-xmp-of-3MiB", GifWith(GifApplication("XMP DataXMP", new byte[3 * OneMiB]))),
        new("jpeg-20-full-comments", JpegWith([.. Enumerable.Range(0, 20).Select(_ => JpegSegment(0xFE, new byte[JpegSegmentPayload]))])),
    ];

    /// <summary>A zlib stream that inflates to <paramref name="inflatedBytes"/> zeros (a whole number of MiB), about a thousandth of that size.</summary>
    public static byte[] ZlibBomb(long inflatedBytes)
    {
        var zeros = new byte[OneMiB];
        using var deflated = new MemoryStream();
        byte[] first, repeat;
        using (var deflater = new DeflateStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            // A flush ends each MiB on a byte boundary, and with a window of zeros behind it the
            // second MiB's blocks are valid after any number of MiBs: they are repeated, not recompressed.
            deflater.Write(zeros);
            deflater.Flush();
            first = deflated.ToArray();
            deflater.Write(zeros);
            deflater.Flush();
            repeat = deflated.ToArray()[first.Length..];
        }

        var mebibytes = inflatedBytes / OneMiB;
        using var zlib = new MemoryStream();
        zlib.Write([0x78, 0xDA]); // zlib header: deflate, 32 KB window, best compression
        zlib.Write(first);
        for (var i = 1; i < mebibytes; i++)
        {
            zlib.Write(repeat);
        }

        zlib.Write([0x03, 0x00]); // an empty final block
        Span<byte> adler = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(adler, (uint)((inflatedBytes % 65521) << 16) | 1); // Adler-32 of zeros
        zlib.Write(adler);
        return zlib.ToArray();
    }

    /// <summary>A corpus PNG with <paramref name="chunks"/> after its IHDR, where a writer puts metadata.</summary>
    public static byte[] PngWith(params byte[][] chunks) => Insert(Corpus.Read("other-formats", "DN__png_PngSuite_basn2c08.png"), 8 + 25, chunks);

    public static byte[] Chunk(string type, byte[] data) => ChunkDeclaring(type, (uint)data.Length, data);

    /// <summary>A PNG chunk whose length field says <paramref name="declared"/>, whatever follows it.</summary>
    public static byte[] ChunkDeclaring(string type, uint declared, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, declared);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }

    /// <summary>A corpus WebP (extended format, with EXIF) with <paramref name="chunks"/> after its VP8X header, the RIFF size corrected.</summary>
    public static byte[] WebPWith(params byte[][] chunks)
    {
        var webp = Insert(Corpus.Read("other-formats", "PI__hopper_orientation_6.webp"), 12 + 18, chunks);
        BinaryPrimitives.WriteUInt32LittleEndian(webp.AsSpan(4), (uint)(webp.Length - 8));
        return webp;
    }

    public static byte[] RiffChunk(string fourcc, byte[] data) => RiffChunkDeclaring(fourcc, (uint)data.Length, data);

    public static byte[] RiffChunkDeclaring(string fourcc, uint declared, byte[] data)
    {
        var chunk = new byte[8 + data.Length + (data.Length & 1)];
        Encoding.ASCII.GetBytes(fourcc).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declared);
        data.CopyTo(chunk, 8);
        return chunk;
    }

    /// <summary>A real camera JPEG with <paramref name="segments"/> straight after its SOI marker.</summary>
    public static byte[] JpegWith(params byte[][] segments) => Insert(Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"), 2, segments);

    public static byte[] JpegSegment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    /// <summary>A corpus GIF (no global colour table) with <paramref name="extensions"/> before its first image.</summary>
    public static byte[] GifWith(params byte[][] extensions)
    {
        var gif = Corpus.Read("other-formats", "DN__gif_mspaint-10x10.gif");
        var colourTable = (gif[10] & 0x80) == 0 ? 0 : 3 << ((gif[10] & 0x07) + 1);
        return Insert(gif, 13 + colourTable, extensions);
    }

    /// <summary>An extension whose data is cut into sub-blocks of at most 255 bytes, as GIF requires.</summary>
    public static byte[] GifExtension(byte label, byte[] data)
    {
        using var extension = new MemoryStream();
        extension.Write([0x21, label]);
        foreach (var block in data.Chunk(255))
        {
            extension.WriteByte((byte)block.Length);
            extension.Write(block);
        }

        extension.WriteByte(0);
        return extension.ToArray();
    }

    /// <summary>An application extension: an 11-byte identifier (name and code), then its data.</summary>
    public static byte[] GifApplication(string identifier, byte[] data)
    {
        var extension = GifExtension(0xFF, data);
        return [0x21, 0xFF, 11, .. Encoding.ASCII.GetBytes(identifier.PadRight(11)[..11]), .. extension[2..]];
    }

    private static byte[] Insert(byte[] file, int at, byte[][] pieces) =>
        [.. file[..at], .. pieces.SelectMany(p => p), .. file[at..]];

    /// <summary>CRC-32 as PNG computes it over a chunk's type and data (ISO 3309).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
