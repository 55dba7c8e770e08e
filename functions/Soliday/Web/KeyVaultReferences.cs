using Microsoft.Extensions.Configuration;

namespace Soliday.Web;

/// <summary>
/// App Service and Azure Functions resolve an app setting written as <c>@Microsoft.KeyVault(...)</c>
/// when the app starts; when they cannot (the app's role on the vault not yet effective, minutes
/// after <c>azd up</c> assigned it), the app sees the reference itself as the value. That text is
/// no secret (the Bicep and this repository spell it out), so a key, token or webhook secret that
/// still holds it must never be used: the app starts, says on <c>/api/health</c> which settings are
/// waiting, and refuses what needs them with 503 <c>starting</c> until they are resolved.
/// </summary>
public static class KeyVaultReferences
{
    private const string ReferencePrefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The names (never the values) of the settings that are still unresolved references, as <c>Section:Key</c>.</summary>
    public static IReadOnlyList<string> UnresolvedSettings(IConfiguration configuration) =>
        [.. configuration.AsEnumerable().Where(setting => IsUnresolved(setting.Value)).Select(setting => setting.Key).Order(StringComparer.Ordinal)];
}
