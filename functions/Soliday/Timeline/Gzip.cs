using System.IO.Compression;

namespace Soliday.Timeline;

/// <summary>Compresses a file of the site the way it is stored for <see cref="SiteContent.ChangingGzipped"/>.</summary>
public static class Gzip
{
    public const string Encoding = "gzip";

    public static BinaryData Compress(BinaryData content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            content.ToStream().CopyTo(gzip);
        }

        return new BinaryData(compressed.ToArray());
    }
}
