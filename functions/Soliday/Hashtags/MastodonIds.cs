namespace Soliday.Hashtags;

/// <summary>
/// Orders status ids as their server does. Mastodon's are decimal Snowflakes (time-ordered
/// numbers too long for a double, so compared as digit strings); servers speaking its API with
/// other ids (Pleroma's flake ids) keep them sortable as strings.
/// </summary>
public static class MastodonIds
{
    /// <summary>True when <paramref name="id"/> is newer than <paramref name="than"/>; everything is newer than nothing.</summary>
    public static bool IsNewer(string id, string? than)
    {
        if (than is null)
        {
            return true;
        }

        return id.All(char.IsAsciiDigit) && than.All(char.IsAsciiDigit)
            ? id.TrimStart('0').Length != than.TrimStart('0').Length
                ? id.TrimStart('0').Length > than.TrimStart('0').Length
                : string.CompareOrdinal(id.TrimStart('0'), than.TrimStart('0')) > 0
            : string.CompareOrdinal(id, than) > 0;
    }

    public static string? Newest(IEnumerable<string> ids) =>
        ids.Aggregate((string?)null, (newest, id) => IsNewer(id, newest) ? id : newest);

    public static string? Oldest(IEnumerable<string> ids) =>
        ids.Aggregate((string?)null, (oldest, id) => oldest is null || IsNewer(oldest, id) ? id : oldest);
}
