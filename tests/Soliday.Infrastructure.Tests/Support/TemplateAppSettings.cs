using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Soliday.Infrastructure.Tests.Support;

/// <summary>
/// The function app's app settings in the compiled template: the function-app module builds them
/// from objects of named settings (its variables) and lists expanded into <c>Section__Key__{i}</c>.
/// </summary>
public sealed partial class TemplateAppSettings
{
    private TemplateAppSettings(IReadOnlyDictionary<string, string> named, IReadOnlySet<string> listPrefixes)
    {
        Named = named;
        ListPrefixes = listPrefixes;
    }

    /// <summary>Setting name to its value as compiled: a literal, or an ARM expression in brackets.</summary>
    public IReadOnlyDictionary<string, string> Named { get; }

    /// <summary>Lists the template expands from a parameter, as <c>Section__Key__</c>.</summary>
    public IReadOnlySet<string> ListPrefixes { get; }

    public static TemplateAppSettings From(CompiledTemplate template)
    {
        var module = template.Module("function-app");
        var app = template.Resource("Microsoft.Web/sites");

        // The site's appSettings must be the copy loop over the module's appSettings variable...
        Assert.Contains("variables('appSettings')", app["properties"]!["siteConfig"]!.Text());
        var appSettings = module["variables"]!["appSettings"]!.Text();

        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in module["variables"]!.AsObject())
        {
            // ...and each part of it a variable it unions in.
            if (!appSettings.Contains($"variables('{name}')", StringComparison.Ordinal))
            {
                continue;
            }

            if (value is JsonObject settings)
            {
                foreach (var (setting, settingValue) in settings)
                {
                    named[setting] = settingValue.Text();
                }
            }
            else
            {
                foreach (Match list in ListItemName().Matches(value.Text()))
                {
                    prefixes.Add(list.Groups[1].Value);
                }
            }
        }

        return new TemplateAppSettings(named, prefixes);
    }

    /// <summary>True when the template sets <paramref name="setting"/>, or each item of it for a list.</summary>
    public bool Sets(CodeSetting setting) =>
        setting.IsList
            ? ListPrefixes.Contains($"{setting.Name}__") || Named.Keys.Any(k => k.StartsWith($"{setting.Name}__", StringComparison.Ordinal))
            : Named.ContainsKey(setting.Name);

    [GeneratedRegex(@"format\('((?:[A-Za-z]+__){2,})\{0\}")]
    private static partial Regex ListItemName();
}
