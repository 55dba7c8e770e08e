using System.Text;
using System.Xml;

namespace Soliday.Timeline.OpenData;

/// <summary>XML written by <see cref="XmlWriter"/> only, whole or as fragments to compose.</summary>
public static class XmlParts
{
    public static string Document(Action<XmlWriter> write) => Write(write, ConformanceLevel.Document);

    /// <summary>Elements to stand inside a parent written elsewhere (in its default namespace).</summary>
    public static string Fragment(Action<XmlWriter> write) => Write(write, ConformanceLevel.Fragment);

    /// <summary>
    /// Text made fit for XML: characters XML 1.0 cannot carry (most control characters) are
    /// dropped instead of failing the whole feed because one caption had one.
    /// </summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i++, 2);
            }
        }

        return clean.ToString();
    }

    private static string Write(Action<XmlWriter> write, ConformanceLevel level)
    {
        using var output = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            ConformanceLevel = level,
            OmitXmlDeclaration = level == ConformanceLevel.Fragment,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), // no byte order mark: the pieces are joined
        };
        using (var writer = XmlWriter.Create(output, settings))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }
}
