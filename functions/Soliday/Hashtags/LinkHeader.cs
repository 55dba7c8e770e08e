using Microsoft.AspNetCore.WebUtilities;

namespace Soliday.Hashtags;

/// <summary>
/// Reads Mastodon's paging links (RFC 8288 <c>Link</c> header):
/// <c>&lt;https://server/api/v1/timelines/tag/x?max_id=110&gt;; rel="next", &lt;...?min_id=120&gt;; rel="prev"</c>.
/// </summary>
public static class LinkHeader
{
    /// <summary>The <c>max_id</c> of the <c>rel="next"</c> link (the older page), or null when there is none.</summary>
    public static string? NextMaxId(IEnumerable<string> values)
    {
        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !parts[0].StartsWith('<') || !parts[0].EndsWith('>'))
            {
                continue;
            }

            var isNext = parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is var attribute
                && (attribute.Equals("rel=\"next\"", StringComparison.OrdinalIgnoreCase) || attribute.Equals("rel=next", StringComparison.OrdinalIgnoreCase)));
            if (isNext && Uri.TryCreate(parts[0][1..^1], UriKind.Absolute, out var target)
                && QueryHelpers.ParseQuery(target.Query).TryGetValue("max_id", out var maxId) && maxId.ToString() is { Length: > 0 } id)
            {
                return id;
            }
        }

        return null;
    }
}
