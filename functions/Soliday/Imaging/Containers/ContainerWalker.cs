namespace Soliday.Imaging.Containers;

/// <summary>
/// Walks a photo's container (PNG chunks, JPEG segments, GIF blocks, WebP chunks) and bounds what
/// it carries besides pixels (<see cref="MetadataLimits"/>), before any decoder sees the file.
/// Pure: it reads the bytes it is given and allocates nothing in proportion to them. Files of other
/// formats, and damage in the container, are left to the decoder, which refuses them itself.
/// </summary>
public static class ContainerWalker
{
    /// <summary>The limit the file passes, in words for the log (never its content), or null when it is within bounds.</summary>
    public static string? ExceededLimit(ReadOnlyMemory<byte> file)
    {
        var tally = new MetadataTally();
        var span = file.Span;
        if (JpegSegments.IsJpeg(span))
        {
            JpegSegments.Walk(file, tally);
        }
        else if (PngChunks.IsPng(span))
        {
            PngChunks.Walk(file, tally);
        }
        else if (GifBlocks.IsGif(span))
        {
            GifBlocks.Walk(file, tally);
        }
        else if (ContainerSniffer.IsWebP(span))
        {
            WebPChunks.Walk(file, tally);
        }

        return tally.Exceeded;
    }
}
