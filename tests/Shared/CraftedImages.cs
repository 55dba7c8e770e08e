using System.Buffers.Binary;
using System.Text;

namespace Soliday.Testing;

/// <summary>
/// Small, genuine files of formats the corpus lacks: what a scanner or a design tool would save.
/// Built here byte by byte so each test states exactly what it sends.
/// </summary>
public static class CraftedImages
{
    /// <summary>A baseline TIFF (little-endian, one strip, uncompressed): a 1×1 grey pixel.</summary>
    public static byte[] Tiff()
    {
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, Short, 1), // ImageWidth
            (257, Short, 1), // ImageLength
            (258, Short, 8), // BitsPerSample
            (259, Short, 1), // Compression: none
            (262, Short, 1), // PhotometricInterpretation: black is zero
            (273, Long, 0), // StripOffsets: filled in below
            (277, Short, 1), // SamplesPerPixel
            (278, Short, 1), // RowsPerStrip
            (279, Long, 1), // StripByteCounts
        ];
        const int IfdOffset = 8;
        var pixelOffset = IfdOffset + 2 + (entries.Length * 12) + 4;
        var file = new byte[pixelOffset + 1];
        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), IfdOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(IfdOffset), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = file.AsSpan(IfdOffset + 2 + (i * 12), 12);
            var (tag, type, value) = entries[i];
            BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1); // one value, held in the entry itself
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], tag == 273 ? (uint)pixelOffset : value);
        }

        file[pixelOffset] = 0x80;
        return file;
    }

    /// <summary>An SVG drawing: text, and able to carry script, which is why no site should take it as a photo.</summary>
    public static byte[] Svg() => Encoding.UTF8.GetBytes("""
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">
          <rect width="640" height="480" fill="#3a7"/>
          <script>alert(document.cookie)</script>
        </svg>
        """);

    private const ushort Short = 3;
    private const ushort Long = 4;
}
