using System.Text.RegularExpressions;
using Soliday.Testing;
using Soliday.Words;

namespace Soliday.Tests.Words;

/// <summary>
/// The language files against each other and against the code: a key the code uses and English
/// lacks fails here, not on a resident's page; a translation says every sentence with the same
/// placeholders, or a page would lose a number or a name.
/// </summary>
public sealed partial class LanguageFilesTests
{
    /// <summary>
    /// How the code asks for a sentence: <c>Words["…"]</c>, <c>Words.Say("…"</c>, <c>.Count("…"</c>,
    /// <c>.Sentence("…"</c>, and for a page's script (its <c>data-say-*</c> attributes)
    /// <c>.ForScript("…"</c> and <c>.FormsForScript("…"</c>.
    /// </summary>
    [GeneratedRegex(@"(?:\b[Ww]ords|\bthis)(?:\[|\.Say\(|\.Count\(|\.Sentence\(|\.ForScript\(|\.FormsForScript\()\s*""([^""]+)""")]
    private static partial Regex KeyUse();

    private static readonly LanguageFile English = LanguageFiles.English;

    [Fact]
    public void Every_key_the_code_uses_is_in_the_English_file()
    {
        var missing = KeysUsed().Where(use => !English.Sentences.ContainsKey(use.Key)).Select(use => $"{use.Key} ({use.File})").ToList();

        Assert.True(missing.Count == 0, "Used but not in en-GB.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_sentence_of_the_English_file_is_used_by_the_code()
    {
        var used = KeysUsed().Select(use => use.Key).ToHashSet();

        var unused = English.Sentences.Keys.Where(key => !used.Contains(key)).ToList();

        Assert.True(unused.Count == 0, "In en-GB.json but used nowhere (remove it, or it will be translated for nothing): " + string.Join(", ", unused));
    }

    [Fact]
    public void The_code_finds_the_keys_it_uses_in_every_way_it_asks_for_them()
    {
        var uses = KeysUsed().Select(use => use.Key).ToHashSet();

        Assert.Contains("status.heading", uses); // Words["…"] in a page
        Assert.Contains("takedown.removesPhotos", uses); // Words.Count
        Assert.Contains("status.reference", uses); // Words.Sentence
        Assert.Contains("error.tooManyTries.detail", uses); // words.Say in an endpoint
        Assert.Contains("format.date", uses); // this["…"] in SiteWords itself
        Assert.Contains("siteScript.shortcutsOn", uses); // Words.ForScript, for site.js
        Assert.Contains("searchScript.found", uses); // Words.FormsForScript, for search.js
    }

    public static TheoryData<string> Languages()
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            return [.. LanguageFiles.Load(folder).Keys];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_language_has_the_English_keys_and_placeholders(string language)
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            var file = LanguageFiles.Load(folder)[language];

            Assert.Equal(English.Sentences.Keys.Order(StringComparer.Ordinal), file.Sentences.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, forms) in file.Sentences)
            {
                var expected = English.Sentences[key].Values.SelectMany(LanguageFile.PlaceholdersOf).ToHashSet();
                Assert.All(forms, form => Assert.True(
                    LanguageFile.PlaceholdersOf(form.Value).SetEquals(expected) || IsCountWithoutNumber(form, expected),
                    $"{language} \"{key}\" ({form.Key}) has {string.Join(' ', LanguageFile.PlaceholdersOf(form.Value))}; English has {string.Join(' ', expected)}"));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_test_language_is_not_shipped()
    {
        Assert.DoesNotContain(LanguageFiles.Shipped(), file => file.Language == PseudoLanguage.Tag);
        Assert.Contains(LanguageFiles.Shipped(), file => file.Language == WordsOptions.English);
    }

    /// <summary>A "one" form may say the number in words ("a photo"), dropping <c>{count}</c>, as English "Your photo" does.</summary>
    private static bool IsCountWithoutNumber(KeyValuePair<string, string> form, IReadOnlySet<string> expected) =>
        form.Key != PluralRules.Other && LanguageFile.PlaceholdersOf(form.Value).SetEquals(expected.Except(["count"]));

    private static IEnumerable<(string Key, string File)> KeysUsed()
    {
        var source = SourceFolder();
        return Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(path => (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => File.ReadLines(path)
                .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)) // an example in a comment is no use
                .SelectMany(line => KeyUse().Matches(line))
                .Select(match => (match.Groups[1].Value, Path.GetRelativePath(source, path))));
    }

    private static string SourceFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var source = Path.Combine(folder.FullName, "functions", "Soliday");
            if (File.Exists(Path.Combine(source, "Soliday.csproj")))
            {
                return source;
            }
        }

        throw new DirectoryNotFoundException("No functions/Soliday above the tests: the keys the code uses could not be read.");
    }
}
