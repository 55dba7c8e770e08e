using System.Buffers;
using System.Buffers.Binary;

namespace Soliday.Imaging.Containers;

/// <summary>
/// A PNG's chunks (length, type, data, CRC), tallied without reading pixel data. Compressed text
/// (zTXt, iTXt with its flag set) and the ICC profile (iCCP) are counted at their inflated size,
/// since that is what the decoder allocates.
/// </summary>
public static class PngChunks
{
    private const int SignatureBytes = 8;
    private const int FrameBytes = 12; // length, type, CRC

    /// <summary>Every chunk type is four of these (the specification's rule).</summary>
    private static readonly SearchValues<byte> AsciiLetters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsPng(ReadOnlySpan<byte> file) => file.StartsWith(Signature);

    public static void Walk(ReadOnlyMemory<byte> file, MetadataTally tally)
    {
        for (var at = SignatureBytes; at + FrameBytes <= file.Length;)
        {
            var span = file.Span;
            var declared = BinaryPrimitives.ReadUInt32BigEndian(span[at..]);
            var type = span.Slice(at + 4, 4);
            if (!IsChunkType(type) || (at == SignatureBytes && !type.SequenceEqual("IHDR"u8)))
            {
                return; // not a PNG past its signature: the decoder refuses it as damaged
            }

            var present = (int)Math.Min(declared, (uint)(file.Length - at - FrameBytes));
            var data = file.Slice(at + 8, present);
            var kind = KindOf(type, data.Span);

            // The declared length first: a decoder may allocate it before finding the file shorter.
            if (kind != MetadataKind.Image && declared > MetadataLimits.MaxTotalBytes)
            {
                tally.Add(kind, declared);
                return;
            }

            if (!tally.Add(kind, SizeOf(type, data, kind, tally)) || present < declared || type.SequenceEqual("IEND"u8))
            {
                return; // over a limit, or the file ends here: the decoder will find the truncation itself
            }

            at += FrameBytes + present;
        }
    }

    /// <summary>Four ASCII letters, as the specification requires of every chunk type.</summary>
    private static bool IsChunkType(ReadOnlySpan<byte> type) => !type.ContainsAnyExcept(AsciiLetters);

    private static MetadataKind KindOf(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data) =>
        type.SequenceEqual("iCCP"u8) ? MetadataKind.IccProfile
        : type.SequenceEqual("iTXt"u8) && data.StartsWith("XML:com.adobe.xmp\0"u8) ? MetadataKind.Xmp
        : type.SequenceEqual("eXIf"u8) ? MetadataKind.Exif
        : type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8) ? MetadataKind.Text
        : IsCritical(type) || IsImageAncillary(type) ? MetadataKind.Image
        : MetadataKind.Other;

    /// <summary>Critical chunks (upper-case first letter: IHDR, PLTE, IDAT, IEND) carry the image.</summary>
    private static bool IsCritical(ReadOnlySpan<byte> type) => (type[0] & 0x20) == 0;

    /// <summary>Small, fixed-size chunks about how to show the pixels, and APNG's frames (only the first is read).</summary>
    private static bool IsImageAncillary(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("tRNS"u8) || type.SequenceEqual("gAMA"u8) || type.SequenceEqual("cHRM"u8)
        || type.SequenceEqual("sRGB"u8) || type.SequenceEqual("sBIT"u8) || type.SequenceEqual("bKGD"u8)
        || type.SequenceEqual("pHYs"u8) || type.SequenceEqual("tIME"u8) || type.SequenceEqual("acTL"u8)
        || type.SequenceEqual("fcTL"u8) || type.SequenceEqual("fdAT"u8);

    private static long SizeOf(ReadOnlySpan<byte> type, ReadOnlyMemory<byte> data, MetadataKind kind, MetadataTally tally)
    {
        var span = data.Span;
        var keywordEnd = span.IndexOf((byte)0);
        if (type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iCCP"u8))
        {
            // keyword or profile name, NUL, compression method, then zlib data
            return keywordEnd < 0 || keywordEnd + 2 > span.Length
                ? data.Length
                : keywordEnd + 2 + InflatedSize.Of(data[(keywordEnd + 2)..], tally.Room(kind));
        }

        if (type.SequenceEqual("iTXt"u8) && keywordEnd >= 0 && keywordEnd + 3 <= span.Length && span[keywordEnd + 1] == 1)
        {
            // keyword, NUL, compression flag, method, language NUL, translated keyword NUL, text
            var language = span[(keywordEnd + 3)..].IndexOf((byte)0);
            var translated = language < 0 ? -1 : span[(keywordEnd + 4 + language)..].IndexOf((byte)0);
            if (translated >= 0)
            {
                var textAt = keywordEnd + 5 + language + translated;
                return textAt + InflatedSize.Of(data[textAt..], tally.Room(kind));
            }
        }

        return data.Length;
    }
}
