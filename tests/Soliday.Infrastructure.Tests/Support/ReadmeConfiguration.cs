using System.Text.RegularExpressions;

namespace Soliday.Infrastructure.Tests.Support;

/// <summary>The settings README's "Configuration" tables document, by their first column.</summary>
public static partial class ReadmeConfiguration
{
    /// <summary>
    /// Keys as <c>Section:Key</c>, from rows such as <c>| `Imaging:MaxSide` | ... |</c> or
    /// <c>| `Azurite:BlobPort`, `QueuePort` | ... |</c> (later names share the first one's section).
    /// </summary>
    public static IReadOnlySet<string> Keys()
    {
        var readme = File.ReadAllText(Repository.File("README.md"));
        var start = readme.IndexOf("\n## Configuration", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no '## Configuration' section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in section.Split('\n').Where(l => l.StartsWith('|')))
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
