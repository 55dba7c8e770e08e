namespace Soliday.Words;

/// <summary>
/// The language files there are: those the app ships (embedded from <c>functions/Soliday/Words</c>)
/// and those in <see cref="WordsOptions.LanguageFolder"/>, which take the place of a shipped one of the same language.
/// </summary>
public static class LanguageFiles
{
    private const string ResourcePrefix = "Soliday.Words.";

    /// <summary>Every language by its tag (case ignored), the folder's after the shipped.</summary>
    public static IReadOnlyDictionary<string, LanguageFile> Load(string folder)
    {
        var files = new Dictionary<string, LanguageFile>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Shipped())
        {
            files[file.Language] = file;
        }

        if (folder.Length > 0)
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(path);
                var file = LanguageFile.Read(stream, path);
                files[file.Language] = file;
            }
        }

        return files;
    }

    public static IEnumerable<LanguageFile> Shipped()
    {
        var assembly = typeof(LanguageFiles).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return LanguageFile.Read(stream, name);
        }
    }

    /// <summary>The English file every other falls back to, sentence by sentence.</summary>
    public static LanguageFile English => Shipped().Single(file => file.Language == WordsOptions.English);
}
