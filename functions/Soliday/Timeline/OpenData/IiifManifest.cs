using System.Text.Json;
using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// iiif/{id}.json: a IIIF Presentation 3 manifest for one entry, one canvas per photo, each painted
/// by its largest JPEG, so image viewers (Mirador, Universal Viewer) and collections can show and
/// cite it. <c>rights</c> is the Creative Commons licence URI in its http form, as IIIF requires.
/// </summary>
public sealed class IiifManifest(SiteAddress site, DateOnly day, TimeZoneInfo zone, SiteWords words)
{
    public const string Context = "http://iiif.io/api/presentation/3/context.json";

    /// <summary>The day of a remembered time, without its weekday: the language's own month names, in this order.</summary>
    private const string DayMonthYear = "d MMMM yyyy";

    public string Write(TimelineEntry entry)
    {
        var open = OpenEntry.From(entry, site, words);
        var id = open.ManifestUrl ?? site.Of(SitePaths.IiifManifest(entry.Id));
        return JsonParts.Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@context", Context);
            writer.WriteString("id", id);
            writer.WriteString("type", "Manifest");
            writer.WriteLanguageMap("label", open.Title, words);
            if (entry.Text.Length > 0)
            {
                writer.WriteLanguageMap("summary", entry.Text, words);
            }

            writer.WriteStartArray("metadata");
            var (whenLabel, when) = When(entry);
            WriteMetadata(writer, whenLabel, when);
            WriteMetadata(writer, words["openData.iiif.by"], entry.Credit);
            if (entry.Place is { Length: > 0 } place)
            {
                WriteMetadata(writer, words["openData.iiif.where"], place);
            }

            if (entry.Tags.Count > 0)
            {
                WriteMetadata(writer, words["openData.iiif.tags"], string.Join(", ", entry.Tags.Select(PublicTags.Label)));
            }

            WriteMetadata(writer, words["openData.iiif.day"], words.Say("openData.dayTitle", ("date", words.Date(day))));
            writer.WriteEndArray();

            writer.WriteStartObject("requiredStatement");
            writer.WriteLanguageMap("label", words["openData.iiif.attribution"], words);
            writer.WriteLanguageMap("value", open.CreditText, words);
            writer.WriteEndObject();
            if (open.LicenceHttpUri is { } rights)
            {
                writer.WriteString("rights", rights);
            }

            writer.WriteString("navDate", OpenEntry.Instant(entry.MomentAt));
            writer.WriteStartArray("homepage");
            writer.WriteStartObject();
            writer.WriteString("id", open.PageUrl);
            writer.WriteString("type", "Text");
            writer.WriteLanguageMap("label", open.Title, words);
            writer.WriteString("format", "text/html");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteStartArray("partOf");
            writer.WriteStartObject();
            writer.WriteString("id", site.Of(SitePaths.IiifCollection));
            writer.WriteString("type", "Collection");
            writer.WriteEndObject();
            writer.WriteEndArray();
            if (open.FirstPhoto?.Smallest is { } thumbnail)
            {
                writer.WriteStartArray("thumbnail");
                WriteImage(writer, site.Of(thumbnail.Path), thumbnail);
                writer.WriteEndArray();
            }

            writer.WriteStartArray("items");
            for (var index = 0; index < entry.Photos.Count; index++)
            {
                if (entry.Photos[index].Largest is { } image)
                {
                    WriteCanvas(writer, $"{id}/canvas/{index}", entry.Photos[index], image);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>An image resource: its address, type, format and size.</summary>
    public static void WriteImage(Utf8JsonWriter writer, string url, TimelineImage image)
    {
        writer.WriteStartObject();
        writer.WriteString("id", url);
        writer.WriteString("type", "Image");
        writer.WriteString("format", "image/jpeg");
        writer.WriteNumber("width", image.Width);
        writer.WriteNumber("height", image.Height);
        writer.WriteEndObject();
    }

    /// <summary>A canvas the size of the image, with one annotation page holding one painting annotation.</summary>
    private void WriteCanvas(Utf8JsonWriter writer, string canvasId, TimelinePhoto photo, TimelineImage image)
    {
        writer.WriteStartObject();
        writer.WriteString("id", canvasId);
        writer.WriteString("type", "Canvas");
        writer.WriteLanguageMap("label", photo.Alt.Length > 0 ? photo.Alt : words["openData.iiif.photo"], words);
        writer.WriteNumber("width", image.Width);
        writer.WriteNumber("height", image.Height);
        writer.WriteStartArray("items");
        writer.WriteStartObject();
        writer.WriteString("id", $"{canvasId}/page");
        writer.WriteString("type", "AnnotationPage");
        writer.WriteStartArray("items");
        writer.WriteStartObject();
        writer.WriteString("id", $"{canvasId}/page/painting");
        writer.WriteString("type", "Annotation");
        writer.WriteString("motivation", "painting");
        writer.WritePropertyName("body");
        WriteImage(writer, site.Of(image.Path), image);
        writer.WriteString("target", canvasId);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteMetadata(Utf8JsonWriter writer, string label, string value)
    {
        writer.WriteStartObject();
        writer.WriteLanguageMap("label", label, words);
        writer.WriteLanguageMap("value", value, words);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The entry's time said as what it is: a photo's capture time is when it was "Taken"; a time the
    /// sender gave is their memory of it, so it is said as theirs and as "around"; a written post with
    /// neither is placed when it was sent.
    /// </summary>
    private (string Label, string Value) When(TimelineEntry entry)
    {
        var local = TimeZoneInfo.ConvertTime(entry.MomentAt, zone);
        return entry switch
        {
            { IsGivenMoment: true } => (words["openData.iiif.when"], words.Say("openData.iiif.around", ("time", local.ToString(words["format.time"], words.Culture)), ("date", local.ToString(DayMonthYear, words.Culture)))),
            { Photos.Count: 0 } => (words["openData.iiif.sent"], words.DateAndTime(entry.MomentAt, zone)),
            _ => (words["entry.taken"], words.DateAndTime(entry.MomentAt, zone)),
        };
    }
}
