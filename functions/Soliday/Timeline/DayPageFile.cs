using Azure.Storage.Blobs.Models;
using Soliday.Pages;

namespace Soliday.Timeline;

/// <summary>The day page (index.html): the frame with jump links and the day in numbers, and one section per hour.</summary>
public sealed class DayPageFile(PageRenderer pages, DateOnly day, TimeZoneInfo zone, SiteOptions site) : IHourlyFile
{
    public string Path => SitePaths.DayPage;

    public BlobHttpHeaders Headers => SiteContent.Html;

    public string Layout => "day-1";

    public bool CommaBetweenHours => false;

    public bool DeleteWhenEmpty => false;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) =>
        pages.RenderAsync<DayPage, DayFrameView>(new DayFrameView(day, counts, site));

    public Task<string> HourAsync(HourIndex hour) =>
        pages.RenderPartAsync<DayHourSection, DayHourView>(new DayHourView(day, zone, hour));
}
