using Soliday.Timeline;
using Soliday.Words;

namespace Soliday.Pages;

/// <summary>How an entry reached us, in words for the public: the names an entry's source has (<c>form</c>, <c>mastodon</c>, <c>bluesky</c>, or a partner's own name on the webhook).</summary>
public static class SourceNames
{
    public static string Label(SiteWords words, string source) => source switch
    {
        DayNumbers.UnknownSource => words["numbers.source.unknown"],
        "form" => words["numbers.source.form"],
        "mastodon" => words["numbers.source.mastodon"],
        "bluesky" => words["numbers.source.bluesky"],
        _ => words.Say("numbers.source.partner", ("partner", $"{char.ToUpperInvariant(source[0])}{source[1..]}")),
    };
}
