namespace Soliday.Words;

/// <summary>
/// Which plural form a count takes in a language: the CLDR categories (zero, one, two, few, many,
/// other) for the languages Solihull speaks most, one/other for any other. A language file gives
/// the forms its language has; a form it lacks falls back to "other".
/// </summary>
public static class PluralRules
{
    public const string Zero = "zero";
    public const string One = "one";
    public const string Two = "two";
    public const string Few = "few";
    public const string Many = "many";
    public const string Other = "other";

    public static readonly IReadOnlySet<string> Categories = new HashSet<string>([Zero, One, Two, Few, Many, Other]);

    /// <summary>The CLDR category of a whole number (integers only: the site counts things).</summary>
    public static string Category(string language, long count)
    {
        var n = Math.Abs(count);
        return PrimaryTag(language) switch
        {
            // Welsh: 0 dim, 1 un, 2 dau, 3 tri, 6 chwech.
            "cy" => n switch { 0 => Zero, 1 => One, 2 => Two, 3 => Few, 6 => Many, _ => Other },
            "ar" => n switch
            {
                0 => Zero,
                1 => One,
                2 => Two,
                _ when n % 100 is >= 3 and <= 10 => Few,
                _ when n % 100 is >= 11 and <= 99 => Many,
                _ => Other,
            },
            "pl" => n == 1 ? One
                : n % 10 is >= 2 and <= 4 && n % 100 is not (>= 12 and <= 14) ? Few
                : Many,
            "he" => n switch { 1 => One, 2 => Two, _ => Other },
            // Chinese and other languages without plural forms.
            "zh" or "ja" or "ko" or "vi" or "th" => Other,
            // Hindi, Punjabi, Bengali, Gujarati, French: 0 and 1 are "one".
            "hi" or "pa" or "bn" or "gu" or "fr" => n <= 1 ? One : Other,
            // English, Urdu, Somali, German, Spanish, Italian, Romanian... and the fallback.
            _ => n == 1 ? One : Other,
        };
    }

    private static string PrimaryTag(string language)
    {
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        return (dash < 0 ? language : language[..dash]).ToLowerInvariant();
    }
}
