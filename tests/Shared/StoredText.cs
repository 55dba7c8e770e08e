using System.IO.Compression;

namespace Soliday.Testing;

/// <summary>A stored file's text as its readers get it: unzipped when it is stored gzipped (the site's search files).</summary>
public static class StoredText
{
    public static string Of(BinaryData content, string? contentEncoding)
    {
        if (contentEncoding != "gzip")
        {
            return content.ToString();
        }

        using var gzip = new GZipStream(content.ToStream(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
