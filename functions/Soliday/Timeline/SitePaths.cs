namespace Soliday.Timeline;

/// <summary>
/// Where every file of the public site lives, relative to the site's root. Pages link to each other
/// relatively (the site may be served under any path); feeds and open data use absolute addresses
/// made from these by <see cref="SiteAddress"/>.
/// </summary>
public static class SitePaths
{
    public const string DayPage = "index.html";
    public const string AboutPage = "about.html";
    public const string WallPage = "wall.html";
    public const string PosterPage = "poster.html";
    public const string AtomFeed = "feed.atom";
    public const string JsonFeed = "feed.json";
    public const string TimelineJs = "timeline.json";
    public const string IiifCollection = "iiif/collection.json";
    public const string Csv = "data/entries.csv";
    public const string JsonLd = "data/entries.jsonld";
    public const string Sitemap = "sitemap.xml";
    public const string SearchPage = "search.html";
    public const string NumbersPage = "numbers.html";
    public const string ReusePage = "reuse.html";

    /// <summary>Anchor of the about page's section on how to reach the project team.</summary>
    public const string ContactAnchor = "contact";

    /// <summary>One page of an hour's grid: the first is hours/12.html, the next hours/12-2.html, and so on.</summary>
    public static string HourPage(int hour, int page = 1) => page <= 1 ? $"hours/{hour:00}.html" : $"hours/{hour:00}-{page}.html";

    /// <summary>The words of one hour's entries that the search page filters: search/12.json.</summary>
    public static string SearchIndex(int hour) => $"search/{hour:00}.json";

    public static string EntryPage(string id) => $"entries/{id}.html";

    public static string TagPage(string slug) => $"tags/{slug}.html";

    /// <summary>
    /// One page of a tag's entries in one hour, for an hour with more than its tag page shows:
    /// tags/market.12.html, then tags/market.12-2.html. A dot, which no slug holds, so no tag's
    /// own page can be named like another's hour.
    /// </summary>
    public static string TagHourPage(string slug, int hour, int page = 1) =>
        page <= 1 ? $"tags/{slug}.{hour:00}.html" : $"tags/{slug}.{hour:00}-{page}.html";

    public static string IiifManifest(string id) => $"iiif/{id}.json";

    /// <summary>The anchor of an entry on its hour page.</summary>
    public static string EntryAnchor(string id) => $"e-{id}";

    /// <summary>
    /// How a page in a folder (hours/, entries/, tags/) reaches the root: "../". Root pages: "".
    /// </summary>
    public static string RootFrom(string pagePath) => string.Concat(Enumerable.Repeat("../", pagePath.Count(c => c == '/')));
}
