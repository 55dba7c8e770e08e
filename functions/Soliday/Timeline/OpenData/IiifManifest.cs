using System.Text.Json;
using Soliday.Pages;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// iiif/{id}.json: a IIIF Presentation 3 manifest for one entry, one canvas per photo, each painted
/// by its largest JPEG, so image viewers (Mirador, Universal Viewer) and collections can show and
/// cite it. <c>rights</c> is the Creative Commons licence URI in its http form, as IIIF requires.
/// </summary>
public sealed class IiifManifest(SiteAddress site, DateOnly day, TimeZoneInfo zone)
{
    public const string Context = "http://iiif.io/api/presentation/3/context.json";

    public string Write(TimelineEntry entry)
    {
        var open = OpenEntry.From(entry, site);
        var id = open.ManifestUrl ?? site.Of(SitePaths.IiifManifest(entry.Id));
        return JsonParts.Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@context", Context);
            writer.WriteString("id", id);
            writer.WriteString("type", "Manifest");
            writer.WriteLanguageMap("label", open.Title);
            if (entry.Text.Length > 0)
            {
                writer.WriteLanguageMap("summary", entry.Text);
            }

            writer.WriteStartArray("metadata");
            var (whenLabel, when) = When(entry);
            WriteMetadata(writer, whenLabel, when);
            WriteMetadata(writer, "By", entry.Credit);
            if (entry.Place is { Length: > 0 } place)
            {
                WriteMetadata(writer, "Where", place);
            }

            if (entry.Tags.Count > 0)
            {
                WriteMetadata(writer, "Tags", string.Join(", ", entry.Tags.Select(PublicTags.Label)));
            }

            WriteMetadata(writer, "Day", $"#Soliday, {Display.Date(day)}");
            writer.WriteEndArray();

            writer.WriteStartObject("requiredStatement");
            writer.WriteLanguageMap("label", "Attribution");
            writer.WriteLanguageMap("value", open.CreditText);
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
            writer.WriteLanguageMap("label", open.Title);
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
        writer.WriteLanguageMap("label", photo.Alt.Length > 0 ? photo.Alt : "Photo");
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

    private static void WriteMetadata(Utf8JsonWriter writer, string label, string value)
    {
        writer.WriteStartObject();
        writer.WriteLanguageMap("label", label);
        writer.WriteLanguageMap("value", value);
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
            { IsGivenMoment: true } => ("When", $"Around {local.ToString("HH:mm", Display.Culture)} on {local.ToString("d MMMM yyyy", Display.Culture)}, as the sender recalls"),
            { Photos.Count: 0 } => ("Sent", Display.DateAndTime(entry.MomentAt, zone)),
            _ => ("Taken", Display.DateAndTime(entry.MomentAt, zone)),
        };
    }
}
