using System.Buffers.Binary;

namespace Soliday.Imaging.Containers;

/// <summary>
/// A WebP's RIFF chunks: ICCP, EXIF and XMP are metadata, and the decoder allocates each at its
/// declared size before reading it, so the declared size is what is bounded, whether or not the
/// file holds that many bytes.
/// </summary>
public static class WebPChunks
{
    private const int RiffHeaderBytes = 12; // "RIFF", size, "WEBP"
    private const int ChunkHeaderBytes = 8; // fourcc, size

    public static void Walk(ReadOnlyMemory<byte> file, MetadataTally tally)
    {
        var span = file.Span;
        for (var at = RiffHeaderBytes; at + ChunkHeaderBytes <= span.Length;)
        {
            var fourcc = span.Slice(at, 4);
            if (fourcc.ContainsAnyExceptInRange((byte)' ', (byte)'~'))
            {
                return; // not a chunk header: the decoder refuses the file as damaged
            }

            var declared = BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 4)..]);
            if (!tally.Add(KindOf(fourcc), declared))
            {
                return;
            }

            at += ChunkHeaderBytes + (int)Math.Min(declared + (long)(declared & 1), span.Length - at); // chunks are padded to an even size
        }
    }

    private static MetadataKind KindOf(ReadOnlySpan<byte> fourcc) =>
        fourcc.SequenceEqual("ICCP"u8) ? MetadataKind.IccProfile
        : fourcc.SequenceEqual("EXIF"u8) ? MetadataKind.Exif
        : fourcc.SequenceEqual("XMP "u8) ? MetadataKind.Xmp
        : fourcc.SequenceEqual("VP8 "u8) || fourcc.SequenceEqual("VP8L"u8) || fourcc.SequenceEqual("VP8X"u8)
            || fourcc.SequenceEqual("ALPH"u8) || fourcc.SequenceEqual("ANIM"u8) || fourcc.SequenceEqual("ANMF"u8) ? MetadataKind.Image
        : MetadataKind.Other;
}
