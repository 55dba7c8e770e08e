using System.Xml;
using Azure.Storage.Blobs.Models;

namespace Soliday.Timeline.OpenData;

/// <summary>
/// sitemap.xml: the day page, the about, search, numbers, reuse, wall and poster pages, the 24 hours' first pages, then per hour its later
/// pages (a busy hour's grid has several) and every entry's page. Tag pages
/// are left out: they come and go with their entries, and every one is linked from an entry page.
/// </summary>
public sealed class SitemapFile(SiteAddress site) : IHourlyFile
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public string Path => SitePaths.Sitemap;

    public BlobHttpHeaders Headers { get; } = SiteContent.Changing(SiteContent.Xml);

    public string Layout => "sitemap-5";

    public bool CommaBetweenHours => false;

    public bool DeleteWhenEmpty => false;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) => Task.FromResult(XmlParts.Document(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        WriteUrl(writer, site.Of(SitePaths.DayPage), null);
        foreach (var page in new[] { SitePaths.AboutPage, SitePaths.SearchPage, SitePaths.NumbersPage, SitePaths.ReusePage, SitePaths.WallPage, SitePaths.PosterPage })
        {
            WriteUrl(writer, site.Of(page), null);
        }

        for (var hour = 0; hour < HourMarkers.Hours; hour++)
        {
            WriteUrl(writer, site.Of(SitePaths.HourPage(hour)), null);
        }

        for (var hour = 0; hour < HourMarkers.Hours; hour++)
        {
            writer.WriteComment(HourMarkers.CommentText(hour));
        }

        writer.WriteEndElement();
    }));

    /// <summary>Written without a namespace: inside the frame's urlset they take its default namespace.</summary>
    public Task<string> HourAsync(HourIndex hour) => Task.FromResult(XmlParts.Fragment(writer =>
    {
        for (var page = 2; page <= HourPaging.PageCount(hour.Entries.Count); page++)
        {
            WriteUrl(writer, site.Of(SitePaths.HourPage(hour.Hour, page)), null, ns: null);
        }

        foreach (var entry in hour.Entries)
        {
            WriteUrl(writer, site.EntryPage(entry.Id), entry.UpdatedAt, ns: null);
        }
    }));

    private static void WriteUrl(XmlWriter writer, string location, DateTimeOffset? changed, string? ns = Namespace)
    {
        writer.WriteStartElement("url", ns);
        writer.WriteElementString("loc", ns, location);
        if (changed is { } at)
        {
            writer.WriteElementString("lastmod", ns, OpenEntry.Instant(at));
        }

        writer.WriteEndElement();
    }
}
