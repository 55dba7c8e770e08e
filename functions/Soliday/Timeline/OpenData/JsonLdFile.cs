using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// data/entries.jsonld: every published entry as linked data, described with Dublin Core terms
/// and schema.org. An entry with photos is a schema:ImageObject (its first photo; any others are
/// its parts), one without is a schema:CreativeWork; each carries license, creditText and creator.
/// Terms are written with prefixes declared in the inline @context, so the file expands the same
/// without fetching anything.
/// </summary>
public sealed class JsonLdFile(SiteAddress site, DateOnly day, SiteWords words) : IHourlyFile
{
    public const string DublinCore = "http://purl.org/dc/terms/";
    public const string SchemaOrg = "https://schema.org/";

    public string Path => SitePaths.JsonLd;

    public BlobHttpHeaders Headers { get; } = SiteContent.Changing(SiteContent.JsonLd);

    public string Layout => "jsonld-1";

    public bool CommaBetweenHours => true;

    public bool DeleteWhenEmpty => false;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) => Task.FromResult(JsonParts.Frame(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("@context");
        writer.WriteString("dcterms", DublinCore);
        writer.WriteString("schema", SchemaOrg);
        writer.WriteEndObject();
        writer.WriteString("@id", site.Of(Path));
        writer.WriteString("@type", "schema:Dataset");
        writer.WriteString("dcterms:title", words.Say("openData.dayTitle", ("date", words.Date(day))));
        writer.WriteString("dcterms:description", words["openData.datasetDescription"]);
        writer.WriteString("dcterms:publisher", words["openData.publisher"]);
        writer.WriteString("dcterms:date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteStartArray("@graph");
        writer.WriteHours();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }));

    public Task<string> HourAsync(HourIndex hour) =>
        Task.FromResult(JsonParts.ArrayItems(hour.Entries, (writer, entry) => WriteEntry(writer, OpenEntry.From(entry, site, words))));

    private void WriteEntry(Utf8JsonWriter writer, OpenEntry open)
    {
        var entry = open.Entry;
        writer.WriteStartObject();
        writer.WriteString("@id", open.PageUrl);
        writer.WriteString("@type", entry.Photos.Count > 0 ? "schema:ImageObject" : "schema:CreativeWork");
        writer.WriteString("dcterms:identifier", entry.Id);
        writer.WriteString("dcterms:title", open.Title);
        if (entry.Text.Length > 0)
        {
            writer.WriteString("dcterms:description", entry.Text);
            writer.WriteString("schema:caption", entry.Text);
        }

        writer.WriteString("dcterms:created", OpenEntry.Instant(entry.MomentAt));
        writer.WriteString("dcterms:issued", OpenEntry.Instant(entry.PublishedAt));
        writer.WriteString("dcterms:modified", OpenEntry.Instant(entry.UpdatedAt));
        writer.WriteString("dcterms:creator", entry.Credit);
        writer.WriteString("dcterms:type", entry.Photos.Count > 0 ? "StillImage" : "Text");
        if (entry.Place is { Length: > 0 } place)
        {
            writer.WriteString("dcterms:spatial", place);
        }

        if (entry.PlaceTag is { } placeTag)
        {
            writer.WriteStartObject("schema:contentLocation");
            writer.WriteString("@type", "schema:Place");
            writer.WriteString("schema:name", placeTag.Value);
            writer.WriteEndObject();
        }

        writer.WriteTagLabels("dcterms:subject", entry.Tags);

        WriteRights(writer, open);
        if (open.FirstPhoto is { } first)
        {
            WriteImage(writer, first);
            if (entry.Photos.Count > 1)
            {
                writer.WriteStartArray("schema:hasPart");
                foreach (var photo in entry.Photos.Skip(1))
                {
                    writer.WriteStartObject();
                    writer.WriteString("@type", "schema:ImageObject");
                    WriteImage(writer, photo);
                    WriteRights(writer, open);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
        }

        writer.WriteString("schema:isPartOf", site.Of(SitePaths.DayPage));
        writer.WriteEndObject();
    }

    /// <summary>The licence and credit, in both vocabularies: what reusers (and Google Images) look for.</summary>
    private static void WriteRights(Utf8JsonWriter writer, OpenEntry open)
    {
        if (open.RightsUri is { } rights)
        {
            WriteReference(writer, "dcterms:license", rights);
            WriteReference(writer, "schema:license", rights);
        }

        writer.WriteString("schema:creditText", open.CreditText);
        writer.WriteStartObject("schema:creator");
        writer.WriteString("@type", "schema:Person");
        writer.WriteString("schema:name", open.Entry.Credit);
        writer.WriteEndObject();
        writer.WriteString("schema:copyrightNotice", $"{open.Entry.Credit}, {open.Licence?.Name ?? open.Entry.Licence}");
    }

    private void WriteImage(Utf8JsonWriter writer, TimelinePhoto photo)
    {
        if (photo.Largest is { } image)
        {
            WriteReference(writer, "schema:contentUrl", site.Of(image.Path));
            writer.WriteString("schema:encodingFormat", "image/jpeg");
            writer.WriteNumber("schema:width", image.Width);
            writer.WriteNumber("schema:height", image.Height);
        }

        if (photo.Smallest is { } thumbnail)
        {
            WriteReference(writer, "schema:thumbnailUrl", site.Of(thumbnail.Path));
        }

        if (photo.Alt.Length > 0)
        {
            writer.WriteString("schema:description", photo.Alt);
        }
    }

    private static void WriteReference(Utf8JsonWriter writer, string property, string url)
    {
        writer.WriteStartObject(property);
        writer.WriteString("@id", url);
        writer.WriteEndObject();
    }
}
