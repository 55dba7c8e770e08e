using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Tagging;

/// <summary>
/// Tags an entry from what it is, with rules a curator can follow and correct: the hour and part
/// of the day it was taken, its hashtags, the first photo's shape and main colour, where it came
/// from, and the named place its GPS falls in.
/// </summary>
public sealed partial class EntryTagger(IOptions<SolidayOptions> soliday, IOptions<TaggingOptions> tagging)
{
    private const int MaxHashtags = 10;

    /// <summary>Within this share of each other, width and height make a square.</summary>
    private const double SquareTolerance = 0.05;

    public const string HourKind = "hour";
    public const string PeriodKind = "period";

    public IReadOnlyList<EntryTag> Tags(Entry entry)
    {
        var tags = new List<EntryTag>(TimeTags(entry.MomentAt));

        tags.AddRange(Hashtags(entry.Text));
        if (entry.Photos.FirstOrDefault()?.Facts is { } photo)
        {
            tags.Add(new("orientation", Orientation(photo.Width, photo.Height)));
            if (photo.DominantColour is { } colour)
            {
                tags.Add(new("colour", colour));
            }
        }

        tags.Add(new("source", entry.Source));
        if (entry.Photos.Select(p => p.Facts?.Location).FirstOrDefault(l => l is not null) is { } location
            && Nearest(location) is { } place)
        {
            tags.Add(new("place", place.Name));
        }

        return tags;
    }

    /// <summary>The hour and the part of the day of <paramref name="moment"/>, in the day's zone: made again when a curator changes the entry's time.</summary>
    public IReadOnlyList<EntryTag> TimeTags(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, soliday.Value.Zone);
        return [new(HourKind, $"{local.Hour:00}"), new(PeriodKind, PeriodOfDay(local.Hour))];
    }

    /// <summary>Night runs to 5 in the morning; evening starts at 5 in the afternoon.</summary>
    public static string PeriodOfDay(int hour) => hour switch
    {
        < 5 => "night",
        < 12 => "morning",
        < 17 => "afternoon",
        < 21 => "evening",
        _ => "night",
    };

    public static IEnumerable<EntryTag> Hashtags(string text) =>
        HashtagPattern().Matches(text)
            .Select(m => m.Groups[1].Value)
            .DistinctBy(tag => tag.ToLowerInvariant())
            .Take(MaxHashtags)
            .Select(tag => new EntryTag(EntryTag.Hashtag, tag));

    private static string Orientation(int width, int height) =>
        Math.Abs(width - height) <= SquareTolerance * Math.Max(width, height) ? "square"
        : width > height ? "landscape"
        : "portrait";

    private NamedPlace? Nearest(GeoPoint point) => tagging.Value.Places
        .Select(place => (place, distance: DistanceKm(point, place)))
        .Where(p => p.distance <= p.place.RadiusKm)
        .OrderBy(p => p.distance)
        .Select(p => p.place)
        .FirstOrDefault();

    /// <summary>Great-circle distance (haversine): plenty for telling Shirley from Knowle.</summary>
    private static double DistanceKm(GeoPoint a, NamedPlace b)
    {
        const double EarthRadiusKm = 6371;
        double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(b.Latitude - a.Latitude);
        var dLon = Radians(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>A # not inside a word, then letters, digits, underscores (as Mastodon and others read them).</summary>
    [GeneratedRegex(@"(?<![\w#])#([\p{L}\p{N}_]{1,50})", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();
}
