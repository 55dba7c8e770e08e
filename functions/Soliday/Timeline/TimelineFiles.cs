using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Timeline.OpenData;
using Soliday.Words;

namespace Soliday.Timeline;

/// <summary>The files of the day's site that are made hour by hour, and the makers of the per-entry and feed files.</summary>
public sealed class TimelineFiles(PageRenderer pages, SiteAddress address, IOptions<SolidayOptions> soliday, IOptions<SiteOptions> site, SiteWords words)
{
    private DateOnly Day => soliday.Value.Day;

    private TimeZoneInfo Zone => soliday.Value.Zone;

    public IHourlyFile DayPage => new DayPageFile(pages, Day, Zone, site.Value);

    /// <summary>Every open data file made by hour: each publish updates one part of each.</summary>
    public IReadOnlyList<IHourlyFile> OpenData =>
    [
        new TimelineJsFile(address, Day, Zone, words),
        new IiifCollectionFile(address, Day, words),
        new CsvFile(address, Zone, words),
        new JsonLdFile(address, Day, words),
        new SitemapFile(address),
    ];

    public TagPageFile TagPage(EntryTag tag) => new(pages, Day, Zone, tag);

    public IiifManifest Manifests => new(address, Day, Zone, words);

    public Feeds Feeds => new(pages, address, Day, words);
}
