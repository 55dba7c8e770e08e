using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Soliday.Entries;

namespace Soliday.Timeline;

/// <summary>
/// Which of an entry's tags the public sees, each with a page of its own, and how they are named.
/// Hidden: <c>source:</c> (how it reached us, of no interest to readers), <c>hour:</c> and
/// <c>period:</c> (the day page and the hour pages already group by time, and a "morning" page
/// would repeat a third of the day in one page), <c>orientation:</c> (a fact of layout, not a
/// subject). Hashtags, <c>place:</c>, <c>colour:</c> and whatever kinds curators add are public.
/// </summary>
public static class PublicTags
{
    public const string PlaceKind = "place";

    private const int MaxSlugLength = 60;

    private static readonly HashSet<string> HiddenKinds = new(StringComparer.Ordinal) { "source", "hour", "period", "orientation" };

    public static bool IsPublic(EntryTag tag) => !HiddenKinds.Contains(tag.Kind);

    public static IReadOnlyList<EntryTag> Of(IEnumerable<EntryTag> tags) =>
        [.. tags.Where(IsPublic).DistinctBy(Slug)];

    /// <summary>
    /// The tag's page name: lower-case ASCII letters, digits and hyphens, so it is the same in every
    /// browser, file system and URL. <c>#ParkRun</c> and <c>#parkrun</c> share a page. When letters
    /// had to be dropped (say, a tag in another script) a short hash keeps different tags apart.
    /// </summary>
    public static string Slug(EntryTag tag)
    {
        var text = tag.Kind == EntryTag.Hashtag ? tag.Value : $"{tag.Kind}-{tag.Value}";
        var folded = text.Normalize(NormalizationForm.FormD).ToLowerInvariant();
        var slug = new StringBuilder();
        var dropped = false;
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (c is ' ' or '-' or '_' or ':' or '.' or '\'' or '/')
            {
                if (slug.Length > 0 && slug[^1] != '-')
                {
                    slug.Append('-');
                }
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                dropped = true; // accents fold away; anything else is lost, so the hash below tells tags apart
            }
        }

        var readable = slug.ToString().Trim('-');
        if (readable.Length > MaxSlugLength)
        {
            readable = readable[..MaxSlugLength].TrimEnd('-');
        }

        if (!dropped && readable.Length > 0)
        {
            return readable;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToLowerInvariant())))[..8];
        return readable.Length > 0 ? $"{readable}-{hash}" : $"tag-{hash}";
    }

    /// <summary>The tag as a reader sees it: <c>#parkrun</c>, <c>Place: Brueton Park</c>, <c>Colour: green</c>.</summary>
    public static string Label(EntryTag tag) =>
        tag.Kind == EntryTag.Hashtag ? $"#{tag.Value}" : $"{char.ToUpperInvariant(tag.Kind[0])}{tag.Kind[1..]}: {tag.Value}";
}
