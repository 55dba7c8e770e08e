using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Soliday.Words;

namespace Soliday.Testing;

/// <summary>
/// A right-to-left test language, made from the English file so it has every key and placeholder:
/// each Latin letter becomes a Hebrew one, placeholders and date patterns stay as they are. Only the
/// tests make it (into a folder given as <c>Site:LanguageFolder</c>); the app never ships it. A
/// sentence's pseudo-text is <see cref="Of"/> its English, so a test can say what a page must show.
/// </summary>
public static partial class PseudoLanguage
{
    /// <summary>Hebrew-script, and a private-use subtag: a lang attribute browsers and axe accept that no one would take for real Hebrew.</summary>
    public const string Tag = "he-x-soliday-test";

    private const string Letters = "אבגדהוזחטיכלמנסעפצקרשתךםןף";

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Placeholder();

    /// <summary>The English sentence in the test language's letters, placeholders left to fill.</summary>
    public static string Of(string english)
    {
        var pseudo = new StringBuilder(english.Length);
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(english))
        {
            pseudo.Append(Letter(english.AsSpan(at, placeholder.Index - at))).Append(placeholder.Value);
            at = placeholder.Index + placeholder.Length;
        }

        return pseudo.Append(Letter(english.AsSpan(at))).ToString();
    }

    /// <summary>A sentence of the English file, by key, in the test language.</summary>
    public static string Say(string key) => Of(LanguageFiles.English.Sentences[key][PluralRules.Other]);

    /// <summary>Writes the test language's file into a new folder, and returns the folder.</summary>
    public static string WriteFolder()
    {
        var folder = Directory.CreateTempSubdirectory("soliday-words-").FullName;
        var words = LanguageFiles.English.Sentences.ToDictionary(
            sentence => sentence.Key,
            sentence => (object)(sentence.Value.Count == 1 && sentence.Value.ContainsKey(PluralRules.Other)
                ? Translate(sentence.Key, sentence.Value[PluralRules.Other])
                : sentence.Value.ToDictionary(form => form.Key, form => Translate(sentence.Key, form.Value))));
        var file = new Dictionary<string, object> { ["language"] = Tag, ["direction"] = "rtl", ["words"] = words };
        File.WriteAllText(Path.Combine(folder, Tag + ".json"), JsonSerializer.Serialize(file, new JsonSerializerOptions { WriteIndented = true }));
        return folder;
    }

    /// <summary>Date and time patterns are the culture's business, not words: kept as they are.</summary>
    private static string Translate(string key, string english) => key.StartsWith("format.", StringComparison.Ordinal) ? english : Of(english);

    private static string Letter(ReadOnlySpan<char> text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            letters.Append(char.IsAsciiLetter(c) ? Letters[char.ToLowerInvariant(c) - 'a'] : c);
        }

        return letters.ToString();
    }
}
