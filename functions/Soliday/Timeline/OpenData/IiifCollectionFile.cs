using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>iiif/collection.json: a IIIF Presentation 3 collection of the day's manifests, one per entry with photos.</summary>
public sealed class IiifCollectionFile(SiteAddress site, DateOnly day, SiteWords words) : IHourlyFile
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
        writer.WriteLanguageMap("label", words.Say("openData.dayTitle", ("date", words.Date(day))), words);
        writer.WriteLanguageMap("summary", words["openData.iiif.collectionSummary"], words);
        writer.WriteStartArray("homepage");
        writer.WriteStartObject();
        writer.WriteString("id", site.Of(SitePaths.DayPage));
        writer.WriteString("type", "Text");
        writer.WriteLanguageMap("label", words["openData.iiif.dayPage"], words);
        writer.WriteString("format", "text/html");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("items");
        writer.WriteHours();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }));

    public Task<string> HourAsync(HourIndex hour) =>
        Task.FromResult(JsonParts.ArrayItems(hour.Entries.Where(e => e.Photos.Count > 0), (writer, entry) => WriteReference(writer, OpenEntry.From(entry, site, words))));

    private void WriteReference(Utf8JsonWriter writer, OpenEntry open)
    {
        writer.WriteStartObject();
        writer.WriteString("id", open.ManifestUrl);
        writer.WriteString("type", "Manifest");
        writer.WriteLanguageMap("label", open.Title, words);
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
