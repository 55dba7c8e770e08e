namespace Soliday.Imaging.Containers;

/// <summary>
/// A GIF's blocks after its screen descriptor: images (skipped sub-block by sub-block) and
/// extensions, of which comments, plain text and application data (XMP, ICC, anything) are
/// metadata. The decoder keeps each comment whole in memory, so their number and total are bounded.
/// </summary>
public static class GifBlocks
{
    private const int HeaderBytes = 13; // "GIF89a", logical screen descriptor
    private const byte ExtensionIntroducer = 0x21;
    private const byte ImageSeparator = 0x2C;
    private const byte Trailer = 0x3B;
    private const byte GraphicControl = 0xF9;
    private const byte CommentLabel = 0xFE;
    private const byte PlainTextLabel = 0x01;
    private const byte ApplicationLabel = 0xFF;
    private const int ImageDescriptorBytes = 10; // separator, position, size, flags
    private const byte ColourTableFlag = 0x80;

    public static bool IsGif(ReadOnlySpan<byte> file) =>
        file.Length >= HeaderBytes && (file.StartsWith("GIF87a"u8) || file.StartsWith("GIF89a"u8));

    public static void Walk(ReadOnlyMemory<byte> file, MetadataTally tally)
    {
        var span = file.Span;
        var at = HeaderBytes + ColourTableBytes(span[10]);
        while (at < span.Length)
        {
            switch (span[at])
            {
                case ExtensionIntroducer when at + 1 < span.Length:
                    var label = span[at + 1];
                    var kind = label switch
                    {
                        GraphicControl => MetadataKind.Image,
                        CommentLabel or PlainTextLabel => MetadataKind.Text,
                        ApplicationLabel => ApplicationKind(span[(at + 2)..]),
                        _ => MetadataKind.Other,
                    };
                    at = SkipSubBlocks(span, at + 2, out var dataBytes);
                    if (!tally.Add(kind, dataBytes))
                    {
                        return;
                    }

                    break;
                case ImageSeparator when at + ImageDescriptorBytes < span.Length:
                    at += ImageDescriptorBytes + ColourTableBytes(span[at + 9]) + 1; // then the LZW minimum code size
                    at = SkipSubBlocks(span, at, out _);
                    break;
                default:
                    return; // the trailer, or something no decoder would read on from
            }
        }
    }

    private static int ColourTableBytes(byte flags) => (flags & ColourTableFlag) == 0 ? 0 : 3 << ((flags & 0x07) + 1);

    /// <summary>An application extension's first sub-block is its 11-byte identifier.</summary>
    private static MetadataKind ApplicationKind(ReadOnlySpan<byte> blocks) =>
        blocks.Length >= 12 && blocks[0] == 11 && blocks[1..].StartsWith("XMP DataXMP"u8) ? MetadataKind.Xmp
        : blocks.Length >= 12 && blocks[0] == 11 && blocks[1..].StartsWith("ICCRGBG1012"u8) ? MetadataKind.IccProfile
        : MetadataKind.Other;

    /// <summary>Sub-blocks: a length byte (up to 255) then that many bytes, until a zero length.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> span, int at, out long dataBytes)
    {
        dataBytes = 0;
        while (at < span.Length)
        {
            var size = span[at];
            at += 1 + size;
            dataBytes += size;
            if (size == 0)
            {
                break;
            }
        }

        return at;
    }
}
