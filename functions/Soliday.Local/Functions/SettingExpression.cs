namespace Soliday.Local.Functions;

/// <summary>
/// A trigger's <c>%Name%</c> form, resolved from configuration as the Functions host resolves it
/// from app settings; any other text is taken as it is.
/// </summary>
public static class SettingExpression
{
    public static string Resolve(string value, IConfiguration configuration)
    {
        if (value.Length < 3 || !value.StartsWith('%') || !value.EndsWith('%'))
        {
            return value;
        }

        var name = value[1..^1];
        return configuration[name.Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } setting
            ? setting
            : throw new InvalidOperationException($"The trigger names the setting {name}, which is not set.");
    }
}
