using Azure.Storage.Blobs.Models;
using Soliday.Entries;
using Soliday.Pages;

namespace Soliday.Timeline;

/// <summary>A tag's page (tags/{slug}.html), made of the tag's entries hour by hour; removed when none are left.</summary>
public sealed class TagPageFile(PageRenderer pages, DateOnly day, TimeZoneInfo zone, EntryTag tag) : IHourlyFile
{
    public string Slug { get; } = PublicTags.Slug(tag);

    public string Path => SitePaths.TagPage(Slug);

    public BlobHttpHeaders Headers => SiteContent.Html;

    public string Layout => "tag-2";

    public bool CommaBetweenHours => false;

    public bool DeleteWhenEmpty => true;

    public Task<string> FrameAsync(IReadOnlyList<int> counts) =>
        pages.RenderAsync<TagPage, TagFrameView>(new TagFrameView(day, PublicTags.Label(tag), counts));

    public Task<string> HourAsync(HourIndex hour) =>
        pages.RenderPartAsync<TagHourSection, TagHourView>(new TagHourView(day, zone, hour));
}
