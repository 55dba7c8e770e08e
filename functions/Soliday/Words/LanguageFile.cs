using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Soliday.Words;

/// <summary>
/// One language's file: its tag, its direction and its sentences by key. A sentence is a string, or
/// for a count, an object of plural forms (<c>{"one": "{count} entry", "other": "{count} entries"}</c>).
/// Placeholders are names in braces, filled by name.
/// </summary>
public sealed partial class LanguageFile
{
    public const string LeftToRight = "ltr";
    public const string RightToLeft = "rtl";

    private LanguageFile(string language, string direction, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sentences)
    {
        Language = language;
        Direction = direction;
        Sentences = sentences;
    }

    /// <summary>The BCP 47 tag the pages declare in <c>lang</c>.</summary>
    public string Language { get; }

    /// <summary><see cref="LeftToRight"/> or <see cref="RightToLeft"/>: the pages' <c>dir</c>.</summary>
    public string Direction { get; }

    /// <summary>
    /// Every sentence by key, each as its forms: a plain sentence has the one form
    /// <see cref="PluralRules.Other"/>; a counted one, a form per plural category.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Sentences { get; }

    /// <summary>The culture that writes this language's dates and numbers, or the nearest one this machine knows.</summary>
    public CultureInfo Culture => CultureOf(Language);

    /// <summary>The names in braces in a sentence: <c>{count}</c>, <c>{name}</c>.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string sentence) =>
        Placeholder().Matches(sentence).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    internal static partial Regex Placeholder();

    /// <summary>Reads a language file, or says in one line what is wrong with it, naming the file.</summary>
    public static LanguageFile Read(Stream json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var language = root.TryGetProperty("language", out var tag) && tag.ValueKind == JsonValueKind.String && tag.GetString() is { Length: > 0 } given
                ? given
                : throw new InvalidDataException($"{name}: give the language's tag as \"language\", e.g. \"cy-GB\".");
            var direction = root.TryGetProperty("direction", out var dir) && dir.ValueKind == JsonValueKind.String
                ? dir.GetString() switch
                {
                    LeftToRight => LeftToRight,
                    RightToLeft => RightToLeft,
                    _ => throw new InvalidDataException($"{name}: \"direction\" is \"ltr\" or \"rtl\"."),
                }
                : CultureOf(language).TextInfo.IsRightToLeft ? RightToLeft : LeftToRight;
            if (!root.TryGetProperty("words", out var words) || words.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{name}: the sentences go in an object called \"words\".");
            }

            var sentences = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var word in words.EnumerateObject())
            {
                sentences[word.Name] = FormsOf(word, name);
            }

            return new LanguageFile(language, direction, sentences);
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"{name}: not valid JSON ({error.Message})", error);
        }
    }

    private static IReadOnlyDictionary<string, string> FormsOf(JsonProperty word, string name)
    {
        if (word.Value.ValueKind == JsonValueKind.String)
        {
            return new Dictionary<string, string> { [PluralRules.Other] = word.Value.GetString()! };
        }

        if (word.Value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{name}: \"{word.Name}\" is a sentence in quotes, or plural forms in braces.");
        }

        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var form in word.Value.EnumerateObject())
        {
            if (!PluralRules.Categories.Contains(form.Name) || form.Value.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"{name}: \"{word.Name}\" has a form \"{form.Name}\"; forms are zero, one, two, few, many and other, each a sentence in quotes.");
            }

            forms[form.Name] = form.Value.GetString()!;
        }

        return forms.ContainsKey(PluralRules.Other)
            ? forms
            : throw new InvalidDataException($"{name}: \"{word.Name}\" needs an \"other\" form, used for any count without a form of its own.");
    }

    private static CultureInfo CultureOf(string language)
    {
        foreach (var candidate in new[] { language, language.Split('-')[0] })
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(candidate, predefinedOnly: true);
                if (culture.Name.Length > 0)
                {
                    return culture;
                }
            }
            catch (CultureNotFoundException)
            {
                // A private-use tag (a test language, "he-x-test"): try its language alone.
            }
        }

        return CultureInfo.InvariantCulture;
    }
}
