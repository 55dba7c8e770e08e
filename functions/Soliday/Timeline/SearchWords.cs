using System.Globalization;
using System.Text;

namespace Soliday.Timeline;

/// <summary>
/// The words the search page matches, folded the way its script folds what is typed
/// (search.js does the same: NFD, marks dropped, lower case, split on anything not a letter or digit),
/// so "Café", "CAFE" and "cafe" are one word and "#parkrun" is "parkrun".
/// </summary>
public static class SearchWords
{
    /// <summary>Each word of <paramref name="texts"/> once, folded, in the order it first appears.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<string?> texts) =>
        [.. texts.Where(t => !string.IsNullOrWhiteSpace(t)).SelectMany(t => Split(Fold(t!))).Distinct(StringComparer.Ordinal)];

    /// <summary>Lower case with accents and other combining marks taken off.</summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                folded.Append(c);
            }
        }

        return folded.ToString().ToLowerInvariant();
    }

    private static IEnumerable<string> Split(string folded)
    {
        var word = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
