using System.Buffers;
using System.Text;
using System.Text.Json;
using Soliday.Entries;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// JSON written by System.Text.Json only, whole or in pieces to compose: every string it writes is
/// escaped for JSON (and <c>&lt; &gt; &amp; ' "</c> as \u escapes, so no marker or markup can be
/// forged from user text).
/// </summary>
public static class JsonParts
{
    /// <summary>Stands in a frame's array where the hours go; replaced by the hour markers.</summary>
    private const string HoursPlaceholder = "soliday-hours";

    public static string Document(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// A frame whose array (the one <paramref name="write"/> opens with <see cref="WriteHours"/>)
    /// takes the 24 hour parts.
    /// </summary>
    public static string Frame(Action<Utf8JsonWriter> write) =>
        Document(write).Replace($"\"{HoursPlaceholder}\"", HourMarkers.All, StringComparison.Ordinal);

    /// <summary>Where, inside an array, the hours go.</summary>
    public static void WriteHours(this Utf8JsonWriter writer) => writer.WriteStringValue(HoursPlaceholder);

    /// <summary>
    /// Items as they stand inside an array, commas between them written by System.Text.Json: an
    /// array is written and its brackets taken off. Empty when there are no items.
    /// </summary>
    public static string ArrayItems<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        var array = Document(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                write(writer, item);
            }

            writer.WriteEndArray();
        });
        return array[1..^1];
    }

    /// <summary>The entry's public tags as an array of their labels; nothing at all when it has none.</summary>
    public static void WriteTagLabels(this Utf8JsonWriter writer, string property, IReadOnlyList<EntryTag> tags)
    {
        if (tags.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(property);
        foreach (var tag in tags)
        {
            writer.WriteStringValue(PublicTags.Label(tag));
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// A language map with one value in the site's language: how IIIF writes every label. IIIF
    /// viewers read a value that starts with &lt; as HTML; a space before it keeps a resident's text
    /// plain text.
    /// </summary>
    public static void WriteLanguageMap(this Utf8JsonWriter writer, string property, string value, SiteWords words)
    {
        writer.WriteStartObject(property);
        writer.WriteStartArray(IiifLanguage(words.Language));
        writer.WriteStringValue(value.StartsWith('<') ? " " + value : value);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The language a IIIF language map is keyed by: the site's tag without its region ("en" for
    /// en-GB, "cy" for cy-GB), as IIIF's own examples write it and viewers match a reader's language
    /// by; a script or private-use subtag stays ("zh-Hant", "he-x-soliday-test").
    /// </summary>
    public static string IiifLanguage(string tag)
    {
        var subtags = tag.Split('-');
        var kept = new List<string> { subtags[0] };
        for (var i = 1; i < subtags.Length; i++)
        {
            if (subtags[i].Length == 1)
            {
                kept.AddRange(subtags[i..]); // an extension or private use: its subtags are not regions
                break;
            }

            var isRegion = (subtags[i].Length == 2 && subtags[i].All(char.IsAsciiLetter)) || (subtags[i].Length == 3 && subtags[i].All(char.IsAsciiDigit));
            if (!isRegion)
            {
                kept.Add(subtags[i]);
            }
        }

        return string.Join('-', kept);
    }
}
