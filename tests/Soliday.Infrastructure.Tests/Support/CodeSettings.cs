using System.Collections;
using System.Reflection;
using Soliday.Entries;
using Soliday.Functions.Telemetry;
using Soliday.Local.Hosting;
using Soliday.Storage;

namespace Soliday.Infrastructure.Tests.Support;

/// <summary>A setting the code reads, named as an app setting / environment variable (<c>Section__Key</c>).</summary>
/// <param name="IsList">Read as a list: set as <c>Section__Key__0</c>, <c>Section__Key__1</c>, ...</param>
/// <param name="Default">The value the code uses when the setting is absent (null where it has none).</param>
public sealed record CodeSetting(string Name, bool IsList, object? Default)
{
    /// <summary>As docs/configuration.md and JSON write it: <c>Section:Key</c>.</summary>
    public string ConfigurationKey => Name.Replace("__", ":", StringComparison.Ordinal);
}

/// <summary>
/// Every setting the code reads, found from the code itself: the options classes (each names its
/// section in a <c>Section</c> constant and is bound by that name) and the top-level settings the
/// hosts read directly. A setting added to the code is then checked without editing this list.
/// </summary>
public static class CodeSettings
{
    /// <summary>What both hosts read: Soliday's options, the storage connection, telemetry.</summary>
    public static IReadOnlyList<CodeSetting> App { get; } =
    [
        .. StorageConnection.SettingNames.Select(name => new CodeSetting(name, false, null)),
        new(ApplicationInsightsSettings.ConnectionStringKey, false, null),
        new(ApplicationInsightsSettings.AuthenticationStringKey, false, null),
        .. OptionsIn(typeof(SolidayOptions).Assembly),
    ];

    /// <summary>What only Soliday.Local reads: Azurite, its durable engine, its console telemetry.</summary>
    public static IReadOnlyList<CodeSetting> LocalOnly { get; } = OptionsIn(typeof(LocalTelemetryOptions).Assembly);

    private static List<CodeSetting> OptionsIn(Assembly assembly) =>
        (from type in assembly.GetTypes()
         where type.IsClass && type.IsPublic && type.Name.EndsWith("Options", StringComparison.Ordinal)
         let section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
         where section is not null
         from setting in SettingsOf(type, section, Activator.CreateInstance(type))
         select setting)
        .OrderBy(s => s.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>A nested options object (<c>Hashtags:Mastodon</c>) is not a setting: its properties are.</summary>
    private static IEnumerable<CodeSetting> SettingsOf(Type type, string prefix, object? defaults) =>
        from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        where property.CanRead && property.SetMethod is { IsPublic: true }
        let name = $"{prefix}__{property.Name}"
        let value = defaults is null ? null : property.GetValue(defaults)
        from setting in IsNested(property.PropertyType)
            ? SettingsOf(property.PropertyType, name, value)
            : [new CodeSetting(name, IsList(property.PropertyType), value)]
        select setting;

    private static bool IsNested(Type type) =>
        type.IsClass && !IsList(type) && type.Name.EndsWith("Options", StringComparison.Ordinal);

    private static bool IsList(Type type) => type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type);
}
