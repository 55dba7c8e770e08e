using System.Buffers.Binary;

namespace Soliday.Imaging;

/// <summary>
/// Recognises, from their first bytes, what ImageSharp 2.1 does not handle as we need in WebP:
/// animation (refused with its own advice), EXIF it cannot read, and the ICC profile its encoder drops.
/// HEIF and AVIF are recognised by <see cref="Containers.HeifBoxes"/>.
/// </summary>
public static class ContainerSniffer
{
    /// <summary>A WebP whose extended header (VP8X) sets the animation flag.</summary>
    public static bool IsAnimatedWebP(ReadOnlySpan<byte> file) =>
        IsWebP(file)
        && file.Length >= 21
        && file.Slice(12, 4).SequenceEqual("VP8X"u8)
        && (file[20] & WebPFlags.Animation) != 0;

    public static bool IsWebP(ReadOnlySpan<byte> file) =>
        file.Length >= 16 && file[..4].SequenceEqual("RIFF"u8) && file.Slice(8, 4).SequenceEqual("WEBP"u8);

    /// <summary>
    /// The EXIF chunk of a WebP file as raw TIFF data, or null. Some writers (Pillow among them) put
    /// JPEG's "Exif\0\0" marker in front, which ImageSharp 2.1 then fails to read: it is dropped here.
    /// </summary>
    public static byte[]? WebPExif(ReadOnlySpan<byte> file)
    {
        if (!IsWebP(file))
        {
            return null;
        }

        for (var at = 12; at + 8 <= file.Length;)
        {
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(at + 4, 4)), int.MaxValue - 16);
            if (at + 8 + size > file.Length)
            {
                return null;
            }

            if (file.Slice(at, 4).SequenceEqual("EXIF"u8))
            {
                var exif = file.Slice(at + 8, size);
                return (exif.StartsWith("Exif\0\0"u8) ? exif[6..] : exif).ToArray();
            }

            at += 8 + size + (size & 1);
        }

        return null;
    }

    /// <summary>The VP8X header flags of the WebP container specification.</summary>
    internal static class WebPFlags
    {
        public const byte Animation = 0x02;
        public const byte Icc = 0x20;
    }

    /// <summary>
    /// Adds an ICC colour profile to a WebP file. ImageSharp 2.1's WebP encoder drops the profile the
    /// JPEG encoder keeps, and without it a wide-gamut phone photo (Display P3) looks washed out.
    /// The container becomes the extended format: a VP8X header with the ICC flag, then an ICCP chunk.
    /// </summary>
    public static byte[] WithIccProfile(byte[] webp, byte[] icc, int width, int height)
    {
        if (!IsWebP(webp))
        {
            throw new ArgumentException("Not a WebP file.", nameof(webp));
        }

        var chunks = webp.AsSpan(12); // after "RIFF", size, "WEBP"
        var isExtended = chunks[..4].SequenceEqual("VP8X"u8);
        var vp8x = isExtended ? chunks[..18].ToArray() : NewVp8x(width, height);
        vp8x[8] |= WebPFlags.Icc;
        var rest = isExtended ? chunks[18..] : chunks;

        using var output = new MemoryStream(webp.Length + icc.Length + 32);
        output.Write("RIFF"u8);
        output.Write(new byte[4]); // size, written below
        output.Write("WEBP"u8);
        output.Write(vp8x);
        output.Write("ICCP"u8);
        WriteUInt32(output, (uint)icc.Length);
        output.Write(icc);
        if (icc.Length % 2 == 1)
        {
            output.WriteByte(0); // chunks are padded to an even size
        }

        output.Write(rest);
        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    private static byte[] NewVp8x(int width, int height)
    {
        var chunk = new byte[18];
        "VP8X"u8.CopyTo(chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), 10);
        WriteUInt24(chunk.AsSpan(12), width - 1);
        WriteUInt24(chunk.AsSpan(15), height - 1);
        return chunk;
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }
}
