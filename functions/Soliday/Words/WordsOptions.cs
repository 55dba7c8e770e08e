namespace Soliday.Words;

/// <summary>
/// The language the site and the form speak, bound from the <c>Site</c> section (beside
/// <c>Site:PublicUrl</c>): the words come from that language's file (docs/translating.md).
/// </summary>
public sealed class WordsOptions
{
    public const string Section = "Site";

    public const string English = "en-GB";

    /// <summary>A language tag (BCP 47) with a file of its own: shipped (<c>functions/Soliday/Words/*.json</c>) or in <see cref="LanguageFolder"/>.</summary>
    public string Language { get; set; } = English;

    /// <summary>
    /// A folder of further language files (<c>cy-GB.json</c>, say) read at start, beside those the
    /// app ships; empty, none. A council tries a translation this way before it ships it.
    /// </summary>
    public string LanguageFolder { get; set; } = "";
}
