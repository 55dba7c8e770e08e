using Soliday.Timeline;

namespace Soliday.Pages;

/// <summary>How an entry reached us, in words for the public: the names an entry's source has (<c>form</c>, <c>mastodon</c>, <c>bluesky</c>, or a partner's own name on the webhook).</summary>
public static class SourceNames
{
    public static string Label(string source) => source switch
    {
        DayNumbers.UnknownSource => "Not recorded",
        "form" => "The form on this site",
        "mastodon" => "Mastodon, tagged #Soliday",
        "bluesky" => "Bluesky, tagged #Soliday",
        _ => $"{char.ToUpperInvariant(source[0])}{source[1..]}, passed on by a partner",
    };
}
