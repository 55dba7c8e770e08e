using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Soliday.Imaging.Containers;

/// <summary>
/// How many bytes a zlib stream inflates to, found by inflating into a small reused buffer and
/// counting: the output is never kept, and inflating stops as soon as it passes the cap, so a
/// bomb (deflate reaches about 1000:1) costs what the cap allows, not what it would inflate to.
/// </summary>
public static class InflatedSize
{
    private const int ScratchBytes = 16 * 1024;

    /// <summary>The inflated length, or any number above <paramref name="cap"/> once it passes it. Damaged data counts what inflated before the damage.</summary>
    public static long Of(ReadOnlyMemory<byte> zlib, long cap)
    {
        using var source = AsStream(zlib);
        using var inflater = new ZLibStream(source, CompressionMode.Decompress);
        var scratch = ArrayPool<byte>.Shared.Rent(ScratchBytes);
        long inflated = 0;
        try
        {
            int read;
            while (inflated <= cap && (read = inflater.Read(scratch, 0, ScratchBytes)) > 0)
            {
                inflated += read;
            }
        }
        catch (InvalidDataException)
        {
            // Not ours to judge: the decoder will find the same damage. Only the size matters here.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }

        return inflated;
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);
}
