using System.Buffers.Binary;

namespace Soliday.Imaging.Containers;

/// <summary>
/// A JPEG's marker segments, from SOI to EOI, tallied: APPn and COM are metadata (EXIF in APP1,
/// XMP and extended XMP in APP1, ICC pieces in APP2). Each segment is at most 64 KB, so the danger
/// is in their number and total: the decoder joins ICC and XMP pieces into one buffer. Entropy-coded
/// data between scans is skipped byte by byte, so a segment hidden after the first scan is counted too.
/// </summary>
public static class JpegSegments
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;
    private const byte StartOfScan = 0xDA;
    private const byte Comment = 0xFE;
    private const byte App0 = 0xE0;
    private const byte App15 = 0xEF;

    public static bool IsJpeg(ReadOnlySpan<byte> file) => file.Length >= 3 && file[0] == Marker && file[1] == StartOfImage && file[2] == Marker;

    public static void Walk(ReadOnlyMemory<byte> file, MetadataTally tally)
    {
        var span = file.Span;
        for (var at = 2; at + 4 <= span.Length;)
        {
            if (span[at] != Marker)
            {
                return; // not a marker where one must be: the decoder will say the file is damaged
            }

            var marker = span[at + 1];
            if (marker == Marker)
            {
                at++; // fill bytes before a marker
                continue;
            }

            if (marker == EndOfImage)
            {
                return; // what follows (a phone's trailer, a second picture) is not read by the decoder
            }

            if (IsStandalone(marker))
            {
                at += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(span[(at + 2)..]); // includes its own two bytes
            var payload = span.Slice(at + 4, Math.Max(0, Math.Min(length - 2, span.Length - at - 4)));
            if (!tally.Add(KindOf(marker, payload), payload.Length))
            {
                return;
            }

            at += 2 + Math.Max((int)length, 2);
            if (marker == StartOfScan)
            {
                at = AfterEntropyData(span, at);
            }
        }
    }

    /// <summary>Markers with no length: restart markers, SOI, TEM.</summary>
    private static bool IsStandalone(byte marker) => marker is >= 0xD0 and <= 0xD8 or 0x01;

    /// <summary>The next marker after a scan's data: 0xFF then anything but 0x00 (a stuffed byte) or a restart marker.</summary>
    private static int AfterEntropyData(ReadOnlySpan<byte> span, int at)
    {
        for (; at + 1 < span.Length; at++)
        {
            if (span[at] == Marker && span[at + 1] != 0 && span[at + 1] is not (>= 0xD0 and <= 0xD7) && span[at + 1] != Marker)
            {
                return at;
            }
        }

        return span.Length;
    }

    private static MetadataKind KindOf(byte marker, ReadOnlySpan<byte> payload) => marker switch
    {
        Comment => MetadataKind.Text,
        App0 + 1 when payload.StartsWith("Exif\0"u8) => MetadataKind.Exif,
        App0 + 1 when payload.StartsWith("http://ns.adobe.com/"u8) => MetadataKind.Xmp,
        App0 + 2 when payload.StartsWith("ICC_PROFILE\0"u8) => MetadataKind.IccProfile,
        >= App0 and <= App15 => MetadataKind.Other,
        _ => MetadataKind.Image,
    };
}
