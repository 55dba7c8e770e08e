using Soliday.Pages;
using Soliday.Words;

namespace Soliday.Timeline;

/// <summary>
/// One entry in an hour's search file: what a result shows (a thumbnail, the start of the caption,
/// the credit, the time, the place) and the folded <see cref="Words"/> it is found by. Only what the
/// entry's page shows publicly; an entry taken off leaves its hour's file with its next version.
/// </summary>
/// <param name="Time">When it happened, as the lists show it: "12:03", or a full date for a photo taken on another day.</param>
/// <param name="Thumb">The smallest JPEG of its first photo, relative to the site's root; null for a written post.</param>
/// <param name="Words">Every word of its caption, credit, place and tags, each once, folded by <see cref="SearchWords"/>, joined by spaces.</param>
public sealed record SearchIndexEntry(string Id, string Time, string Text, string Credit, string? Place, string? Thumb, int? Width, int? Height, string Words);

/// <summary>The search file of one hour (search/12.json): its entries in the order of the day.</summary>
public sealed record SearchIndexFile(int Hour, IReadOnlyList<SearchIndexEntry> Entries)
{
    /// <summary>The caption a result shows: a line or two, as under an hour page's tiles. Every word of it is still found.</summary>
    public const int ShownText = 120;

    /// <summary>The hour's file; each entry's time as the site's language writes it (a photo from another day with its date), since search.js shows it as it is.</summary>
    public static SearchIndexFile Of(HourIndex hour, TimeZoneInfo zone, SiteWords language) =>
        new(hour.Hour, [.. hour.Entries.Select(entry => EntryOf(entry, zone, hour.Day, language))]);

    private static SearchIndexEntry EntryOf(TimelineEntry entry, TimeZoneInfo zone, DateOnly day, SiteWords language)
    {
        var thumb = entry.Photos.Select(p => p.Smallest).FirstOrDefault(i => i is not null);
        var words = SearchWords.Of([entry.Text, entry.Credit, entry.Place, .. entry.Tags.Select(t => t.Value)]);
        return new SearchIndexEntry(
            entry.Id,
            language.Moment(entry.MomentAt, zone, day),
            Display.Short(entry.Text, ShownText),
            entry.Credit,
            entry.ShownPlace,
            thumb?.Path,
            thumb?.Width,
            thumb?.Height,
            string.Join(' ', words));
    }
}
