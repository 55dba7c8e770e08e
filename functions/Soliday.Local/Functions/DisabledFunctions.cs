namespace Soliday.Local.Functions;

/// <summary>
/// The Functions host's own switch, <c>AzureWebJobs.&lt;FunctionName&gt;.Disabled</c> set to true:
/// the host ignores the function's trigger (no route, listener or timer). The local host honours
/// the same setting so one name switches a function off on both hosts.
/// </summary>
public static class DisabledFunctions
{
    /// <summary>The app setting as the Functions documentation names it.</summary>
    public static string SettingFor(string functionName) => $"AzureWebJobs.{functionName}.Disabled";

    /// <summary>
    /// The same setting as a shell can export it, <c>AzureWebJobs__&lt;FunctionName&gt;__Disabled</c>
    /// (a name with dots cannot be exported), which .NET reads as this section path.
    /// </summary>
    public static string EnvironmentFormFor(string functionName) => $"AzureWebJobs:{functionName}:Disabled";

    /// <summary>True when the setting says so; the documented form wins over the environment form.</summary>
    public static bool IsDisabled(this IConfiguration configuration, string functionName) =>
        bool.TryParse(configuration[SettingFor(functionName)] ?? configuration[EnvironmentFormFor(functionName)], out var disabled) && disabled;

    /// <summary>The functions the host binds: every one not switched off.</summary>
    public static IEnumerable<DiscoveredFunction> Enabled(this IEnumerable<DiscoveredFunction> functions, IConfiguration configuration) =>
        functions.Where(function => !configuration.IsDisabled(function.Name));
}
