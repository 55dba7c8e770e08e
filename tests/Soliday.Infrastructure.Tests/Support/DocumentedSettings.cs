using System.Text.RegularExpressions;

namespace Soliday.Infrastructure.Tests.Support;

/// <summary>The settings docs/configuration.md documents, by the first column of its tables.</summary>
public static partial class DocumentedSettings
{
    /// <summary>Where the settings are described; README links to it.</summary>
    public static string Path { get; } = Repository.File("docs", "configuration.md");

    /// <summary>
    /// Keys as <c>Section:Key</c>, from rows such as <c>| `Imaging:MaxSide` | ... |</c> or
    /// <c>| `Azurite:BlobPort`, `QueuePort` | ... |</c> (later names share the first one's section).
    /// </summary>
    public static IReadOnlySet<string> Keys()
    {
        Assert.True(File.Exists(Path), $"The settings are no longer described in {Path}.");
        var page = File.ReadAllText(Path);

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in page.Split('\n').Where(l => l.StartsWith('|')))
        {
            var firstColumn = line.Split('|')[1];
            string? sectionName = null;
            foreach (Match name in Backticked().Matches(firstColumn))
            {
                var key = name.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal);
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    sectionName = key[..colon];
                    keys.Add(key);
                }
                else
                {
                    keys.Add(sectionName is null ? key : $"{sectionName}:{key}");
                }
            }
        }

        return keys;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
