using System.Text.RegularExpressions;

namespace Soliday.Testing;

/// <summary>
/// How hard a page's words are to read, by the Flesch-Kincaid grade level, the formula most plain
/// language guidance in the UK and the US quotes: 0.39 × words per sentence + 11.8 × syllables per
/// word − 15.59. A US school grade; the reading age is the grade plus five years (grade 5 is a
/// reading age of 10). Syllables are counted by the usual rule of thumb (groups of vowels, a silent
/// final e dropped), which is right for most everyday words and off by one for some.
/// </summary>
public sealed partial record ReadingAge(int Sentences, int Words, int Syllables)
{
    public double WordsPerSentence => (double)Words / Math.Max(1, Sentences);

    public double SyllablesPerWord => (double)Syllables / Math.Max(1, Words);

    public double Grade => (0.39 * WordsPerSentence) + (11.8 * SyllablesPerWord) - 15.59;

    public double Years => Grade + 5;

    /// <summary>
    /// Reads text as a page shows it (a browser's <c>innerText</c>): a line is a heading, a label, a
    /// button or a paragraph, so a line that does not end in a full stop still ends a sentence.
    /// </summary>
    public static ReadingAge Of(string text)
    {
        int sentences = 0, words = 0, syllables = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var sentence in SentenceEnd().Split(line))
            {
                var inSentence = WordPattern().Matches(sentence).Select(m => m.Value).ToList();
                if (inSentence.Count == 0)
                {
                    continue;
                }

                sentences++;
                words += inSentence.Count;
                syllables += inSentence.Sum(SyllablesIn);
            }
        }

        return new ReadingAge(sentences, words, syllables);
    }

    /// <summary>Vowel groups, less a silent final e (or -es, -ed); a word has one at least. Figures count as one.</summary>
    public static int SyllablesIn(string word)
    {
        var letters = word.ToLowerInvariant();
        if (letters.Length <= 3 || !letters.Any(char.IsLetter))
        {
            return 1;
        }

        letters = SilentEnding().Replace(letters, "");
        letters = letters.StartsWith('y') ? letters[1..] : letters;
        return Math.Max(1, VowelGroup().Count(letters));
    }

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex(@"[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
