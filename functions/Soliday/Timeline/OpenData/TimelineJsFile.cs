using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// timeline.json in the shape Knight Lab's TimelineJS reads, to embed the day elsewhere: a title
/// slide and one event per entry. TimelineJS shows its text fields as HTML, so user text is
/// HTML-encoded first and then written as a JSON string: encoded for both contexts it passes through.
/// Each event stands where the site places the entry (<see cref="TimelineEntry.PlacedAt"/>: its moment
/// on the day, else the time its sender gave, else when it was sent), never at a capture date of
/// another year: TimelineJS draws its axis from the earliest event to the latest, and one photo from
/// 2008 made it span years with the day a sliver at one end. That date is said in the event's text.
/// </summary>
public sealed class TimelineJsFile(SiteAddress site, DateOnly day, TimeZoneInfo zone, SiteWords words) : IHourlyFile
{
    public string Path => SitePaths.TimelineJs;

    public BlobHttpHeaders Headers { get; } = SiteContent.Changing(SiteContent.Json);

    public string Layout => "timelinejs-2";

    public bool CommaBetweenHours => true;

    public bool DeleteWhenEmpty => false;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) => Task.FromResult(JsonParts.Frame(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("title");
        writer.WriteStartObject("text");
        writer.WriteString("headline", "#Soliday");
        writer.WriteString("text", Html(words.Say("day.description", ("date", words.Date(day)))));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("events");
        writer.WriteHours();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }));

    public Task<string> HourAsync(HourIndex hour) =>
        Task.FromResult(JsonParts.ArrayItems(hour.Entries, (writer, entry) => WriteEvent(writer, OpenEntry.From(entry, site, words), hour.Hour)));

    private void WriteEvent(Utf8JsonWriter writer, OpenEntry open, int hour)
    {
        var entry = open.Entry;
        var local = TimeZoneInfo.ConvertTime(entry.PlacedAt, zone);
        writer.WriteStartObject();
        writer.WriteString("unique_id", SitePaths.EntryAnchor(entry.Id));
        writer.WriteStartObject("start_date");
        writer.WriteString("year", Number(local.Year));
        writer.WriteString("month", Number(local.Month));
        writer.WriteString("day", Number(local.Day));
        writer.WriteString("hour", Number(local.Hour));
        writer.WriteString("minute", Number(local.Minute));
        writer.WriteString("display_date", words.Time(entry.PlacedAt, zone));
        writer.WriteEndObject();
        writer.WriteStartObject("text");
        writer.WriteString("headline", Html(open.Title));
        writer.WriteString("text", entry.IsFromAnotherDay(zone, day) ? $"<p>{Html(OtherDay(entry))}</p>{Html(entry.Text)}" : Html(entry.Text));
        writer.WriteEndObject();
        if (open.FirstPhoto is { Largest: { } image } photo)
        {
            writer.WriteStartObject("media");
            writer.WriteString("url", site.Of(image.Path));
            if (photo.Smallest is { } thumbnail)
            {
                writer.WriteString("thumbnail", site.Of(thumbnail.Path));
            }

            writer.WriteString("alt", photo.Alt);
            writer.WriteString("credit", Html(open.CreditText));
            writer.WriteString("link", open.PageUrl);
            writer.WriteEndObject();
        }

        writer.WriteString("group", words.HourRange(hour));
        writer.WriteEndObject();
    }

    /// <summary>When it happened, for an entry placed on the day but taken (or written) on another: as the hour pages mark it.</summary>
    private string OtherDay(TimelineEntry entry) =>
        entry.Photos.Count > 0
            ? words.Say("openData.takenOn", ("when", words.DateAndTime(entry.MomentAt, zone)))
            : words.Say("openData.writtenOn", ("when", words.DateAndTime(entry.MomentAt, zone)));

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
