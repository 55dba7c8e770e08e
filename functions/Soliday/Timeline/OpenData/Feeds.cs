using System.Xml;
using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// The Atom feed (feed.atom, RFC 4287) and the JSON Feed 1.1 (feed.json) of the latest published
/// entries, newest first, made from the tail of the recent log: never from the whole day.
/// </summary>
public sealed class Feeds(PageRenderer pages, SiteAddress site, DateOnly day, SiteWords words)
{
    /// <summary>What a feed shows: the latest entries still published, as many as a busy hour brings.</summary>
    public const int Shown = 100;

    public const string JsonFeedVersion = "https://jsonfeed.org/version/1.1";

    /// <summary>JSON Feed extensions are objects named with a leading underscore, which readers that do not know them ignore.</summary>
    public const string SolidayExtension = "_soliday";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private string Title => words.Say("openData.dayTitle", ("date", words.Date(day)));

    private string Subtitle => words["openData.feedSubtitle"];

    public async Task<string> AtomAsync(RecentIndex recent)
    {
        var entries = await WithContentAsync(recent);
        return XmlParts.Document(writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, words.Language);
            writer.WriteElementString("id", AtomNamespace, site.Of(SitePaths.AtomFeed));
            writer.WriteElementString("title", AtomNamespace, Title);
            writer.WriteElementString("subtitle", AtomNamespace, Subtitle);
            writer.WriteElementString("updated", AtomNamespace, OpenEntry.Instant(entries.Select(e => e.Open.Entry.UpdatedAt).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max()));
            WriteLink(writer, "self", site.Of(SitePaths.AtomFeed), "application/atom+xml");
            WriteLink(writer, "alternate", site.Of(SitePaths.DayPage), "text/html");
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, words["openData.feedAuthor"]);
            writer.WriteEndElement();
            foreach (var (open, html) in entries)
            {
                WriteAtomEntry(writer, open, html);
            }

            writer.WriteEndElement();
        });
    }

    public async Task<string> JsonFeedAsync(RecentIndex recent)
    {
        var entries = await WithContentAsync(recent);
        return JsonParts.Document(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("version", JsonFeedVersion);
            writer.WriteString("title", Title);
            writer.WriteString("description", Subtitle);
            writer.WriteString("home_page_url", site.Of(SitePaths.DayPage));
            writer.WriteString("feed_url", site.Of(SitePaths.JsonFeed));
            writer.WriteString("language", words.Language);
            writer.WriteStartArray("items");
            foreach (var (open, html) in entries)
            {
                var entry = open.Entry;
                writer.WriteStartObject();
                writer.WriteString("id", open.PageUrl);
                writer.WriteString("url", open.PageUrl);
                writer.WriteString("title", open.Title);
                writer.WriteString("content_html", html);
                writer.WriteString("content_text", entry.Text.Length > 0 ? entry.Text : open.Title);
                if (open.FirstPhoto?.Largest is { } image)
                {
                    writer.WriteString("image", site.Of(image.Path));
                }

                writer.WriteString("date_published", OpenEntry.Instant(entry.PublishedAt));
                writer.WriteString("date_modified", OpenEntry.Instant(entry.UpdatedAt));
                writer.WriteStartArray("authors");
                writer.WriteStartObject();
                writer.WriteString("name", entry.Credit);
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteTagLabels("tags", entry.Tags);
                if (open.FirstPhoto is { } photo)
                {
                    // A JSON Feed extension: the photo's description, so the wall can show "image" with its alt text.
                    writer.WriteStartObject(SolidayExtension);
                    writer.WriteString("image_alt", photo.Alt);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private async Task<IReadOnlyList<(OpenEntry Open, string Html)>> WithContentAsync(RecentIndex recent)
    {
        var shown = new List<(OpenEntry, string)>();
        foreach (var entry in recent.Entries.Take(Shown))
        {
            var open = OpenEntry.From(entry, site, words);
            var html = await pages.RenderPartAsync<FeedEntryContent, FeedEntryView>(new FeedEntryView(entry, open.PageUrl, image => site.Of(image.Path)));
            shown.Add((open, html.Trim()));
        }

        return shown;
    }

    private void WriteAtomEntry(XmlWriter writer, OpenEntry open, string html)
    {
        var entry = open.Entry;
        writer.WriteStartElement("entry", AtomNamespace);
        writer.WriteElementString("id", AtomNamespace, open.PageUrl);
        writer.WriteElementString("title", AtomNamespace, XmlParts.Clean(open.Title));
        writer.WriteElementString("published", AtomNamespace, OpenEntry.Instant(entry.PublishedAt));
        writer.WriteElementString("updated", AtomNamespace, OpenEntry.Instant(entry.UpdatedAt));
        writer.WriteStartElement("author", AtomNamespace);
        writer.WriteElementString("name", AtomNamespace, XmlParts.Clean(entry.Credit));
        writer.WriteEndElement();
        WriteLink(writer, "alternate", open.PageUrl, "text/html");
        if (open.Licence is { } licence && open.RightsUri is { } rights)
        {
            WriteLink(writer, "license", rights, null); // RFC 4946
            writer.WriteElementString("rights", AtomNamespace, licence.Name);
        }

        if (open.FirstPhoto?.Largest is { } image)
        {
            WriteLink(writer, "enclosure", site.Of(image.Path), "image/jpeg");
        }

        foreach (var tag in entry.Tags)
        {
            writer.WriteStartElement("category", AtomNamespace);
            writer.WriteAttributeString("term", PublicTags.Slug(tag));
            writer.WriteAttributeString("label", XmlParts.Clean(PublicTags.Label(tag)));
            writer.WriteEndElement();
        }

        writer.WriteStartElement("content", AtomNamespace);
        writer.WriteAttributeString("type", "html");
        writer.WriteString(XmlParts.Clean(html)); // the HTML, escaped as XML text: readers decode it once, then render it
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteLink(XmlWriter writer, string rel, string href, string? type)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("href", href);
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }

        writer.WriteEndElement();
    }
}
