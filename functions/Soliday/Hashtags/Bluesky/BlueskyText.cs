using System.Text;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// A Bluesky post's text as plain text. The text is already plain (no markup): facets mark spans of
/// it, by UTF-8 byte offsets, as links, mentions and tags. Mentions and tags read as written
/// (<c>@name.bsky.social</c>, <c>#Soliday</c>); a link's text is often shortened by the app
/// (<c>example.org/a-long-pa...</c>), so it is replaced by the full address, as Mastodon's links are.
/// A facet that does not fit the text (out of range, overlapping, splitting a character) is
/// ignored: the text stays as written.
/// </summary>
public static class BlueskyText
{
    public const string LinkFeature = "app.bsky.richtext.facet#link";

    /// <summary>Far above any real post (Bluesky allows 3,000 bytes); bounds the work a hostile service can cause.</summary>
    private const int MaxTextBytes = 64 * 1024;

    /// <summary>More facets than a post of 3,000 bytes could hold; the rest are ignored.</summary>
    private const int MaxFacets = 1000;

    public static string Plain(BlueskyPostRecord? record)
    {
        var text = record?.Text ?? "";
        var bytes = Encoding.UTF8.GetBytes(text.Length > MaxTextBytes ? text[..MaxTextBytes] : text);
        var links = (record?.Facets ?? [])
            .Take(MaxFacets)
            .Select(f => (Slice: f?.Index, Uri: f?.Features?.FirstOrDefault(x => x?.Type == LinkFeature)?.Uri))
            .Where(f => f.Slice is { } s && s.ByteStart >= 0 && s.ByteEnd > s.ByteStart && s.ByteEnd <= bytes.Length && IsCharBoundary(bytes, s.ByteStart) && IsCharBoundary(bytes, s.ByteEnd)
                && HashtagPost.IsWebAddress(f.Uri))
            .OrderBy(f => f.Slice!.ByteStart)
            .ToList();

        var plain = new StringBuilder();
        var at = 0;
        foreach (var (slice, uri) in links)
        {
            if (slice!.ByteStart < at)
            {
                continue; // overlaps the link before it
            }

            plain.Append(Encoding.UTF8.GetString(bytes, at, slice.ByteStart - at)).Append(uri);
            at = slice.ByteEnd;
        }

        plain.Append(Encoding.UTF8.GetString(bytes, at, bytes.Length - at));
        return PostText.Tidy(plain.ToString());
    }

    /// <summary>Not inside a multi-byte character: a continuation byte is 10xxxxxx.</summary>
    private static bool IsCharBoundary(byte[] bytes, int offset) => offset == bytes.Length || (bytes[offset] & 0b1100_0000) != 0b1000_0000;
}
