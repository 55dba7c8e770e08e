using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Soliday.Pages;

namespace Soliday.Timeline.OpenData;

/// <summary>iiif/collection.json: a IIIF Presentation 3 collection of the day's manifests, one per entry with photos.</summary>
public sealed class IiifCollectionFile(SiteAddress site, DateOnly day) : IHourlyFile
{
    public string Path => SitePaths.IiifCollection;

    public BlobHttpHeaders Headers { get; } = SiteContent.Changing(SiteContent.Iiif);

    public string Layout => "iiif-collection-1";

    public bool CommaBetweenHours => true;

    public bool DeleteWhenEmpty => false;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) => Task.FromResult(JsonParts.Frame(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("@context", IiifManifest.Context);
        writer.WriteString("id", site.Of(Path));
        writer.WriteString("type", "Collection");
        writer.WriteLanguageMap("label", $"#Soliday, {Display.Date(day)}");
        writer.WriteLanguageMap("summary", "A day in the life of Solihull, in photos from the people who live and work here.");
        writer.WriteStartArray("homepage");
        writer.WriteStartObject();
        writer.WriteString("id", site.Of(SitePaths.DayPage));
        writer.WriteString("type", "Text");
        writer.WriteLanguageMap("label", "#Soliday: the day page");
        writer.WriteString("format", "text/html");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("items");
        writer.WriteHours();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }));

    public Task<string> HourAsync(HourIndex hour) =>
        Task.FromResult(JsonParts.ArrayItems(hour.Entries.Where(e => e.Photos.Count > 0), (writer, entry) => WriteReference(writer, OpenEntry.From(entry, site))));

    private void WriteReference(Utf8JsonWriter writer, OpenEntry open)
    {
        writer.WriteStartObject();
        writer.WriteString("id", open.ManifestUrl);
        writer.WriteString("type", "Manifest");
        writer.WriteLanguageMap("label", open.Title);
        writer.WriteString("navDate", OpenEntry.Instant(open.Entry.MomentAt));
        if (open.FirstPhoto?.Smallest is { } thumbnail)
        {
            writer.WriteStartArray("thumbnail");
            IiifManifest.WriteImage(writer, site.Of(thumbnail.Path), thumbnail);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
