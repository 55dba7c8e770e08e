using Azure.Storage.Blobs.Models;
using Soliday.Pages;

namespace Soliday.Timeline;

/// <summary>
/// The day page (index.html): the frame with the curators' picks, jump links, the lines for runs of
/// empty hours and the link to the day in numbers, one section of tiles per hour, and each hour's featured entries as its lead part in the picks strip.
/// </summary>
public sealed class DayPageFile(PageRenderer pages, DateOnly day, TimeZoneInfo zone, SiteOptions site) : IHourlyFile
{
    public string Path => SitePaths.DayPage;

    public BlobHttpHeaders Headers => SiteContent.Html;

    public string Layout => "day-5";

    public bool CommaBetweenHours => false;

    public bool DeleteWhenEmpty => false;

    public bool HasLeads => true;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) => FrameAsync(counts, new int[HourMarkers.Hours]);

    public Task<string> FrameAsync(IReadOnlyList<int> counts, IReadOnlyList<int> leadCounts) =>
        pages.RenderAsync<DayPage, DayFrameView>(new DayFrameView(day, counts, site, leadCounts));

    public int LeadCount(HourIndex hour) => new DayHourView(day, zone, hour).Featured.Count;

    public async Task<string> LeadAsync(HourIndex hour) =>
        LeadCount(hour) == 0 ? "" : await pages.RenderPartAsync<DayPicksPart, DayHourView>(new DayHourView(day, zone, hour));

    public Task<string> HourAsync(HourIndex hour) =>
        pages.RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(day, zone, hour));
}
