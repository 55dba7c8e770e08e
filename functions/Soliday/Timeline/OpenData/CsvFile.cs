using System.Globalization;
using Azure.Storage.Blobs.Models;
using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>Every published entry as one CSV record (data/entries.csv), in the order of the day.</summary>
public sealed class CsvFile(SiteAddress site, TimeZoneInfo zone, SiteWords words) : IHourlyFile
{
    /// <summary>The columns, in order. A change here is a change of <see cref="Layout"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "url", "hour", "moment_at", "published_at", "updated_at", "caption", "credit", "licence", "licence_url",
        "place", "place_tag", "tags", "photo_count", "image_url", "image_width", "image_height", "alt_text", "iiif_manifest",
    ];

    public string Path => SitePaths.Csv;

    public BlobHttpHeaders Headers { get; } = SiteContent.Changing(SiteContent.Csv);

    public string Layout => "csv-1";

    public bool CommaBetweenHours => false;

    public bool DeleteWhenEmpty => false;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) => Task.FromResult(CsvText.Record(Columns) + HourMarkers.All);

    public Task<string> HourAsync(HourIndex hour) =>
        Task.FromResult(string.Concat(hour.Entries.Select(e => CsvText.Record(Fields(OpenEntry.From(e, site, words), hour.Hour)))));

    private IEnumerable<string> Fields(OpenEntry open, int hour)
    {
        var entry = open.Entry;
        var photo = open.FirstPhoto;
        var image = photo?.Largest;
        return
        [
            entry.Id,
            open.PageUrl,
            Display.Hour(hour),
            TimeZoneInfo.ConvertTime(entry.MomentAt, zone).ToString("O", CultureInfo.InvariantCulture),
            OpenEntry.Instant(entry.PublishedAt),
            OpenEntry.Instant(entry.UpdatedAt),
            entry.Text,
            entry.Credit,
            entry.Licence,
            open.RightsUri ?? "",
            entry.Place ?? "",
            entry.PlaceTag?.Value ?? "",
            string.Join("; ", entry.Tags.Select(t => t.ToString())),
            entry.Photos.Count.ToString(CultureInfo.InvariantCulture),
            image is null ? "" : site.Of(image.Path),
            image?.Width.ToString(CultureInfo.InvariantCulture) ?? "",
            image?.Height.ToString(CultureInfo.InvariantCulture) ?? "",
            photo?.Alt ?? "",
            open.ManifestUrl ?? "",
        ];
    }
}
