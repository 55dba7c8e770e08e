namespace Soliday.Local.Hosting;

/// <summary>
/// <c>Local:SettingsFile</c>: a JSON file of settings (nested as in appsettings.json) read after
/// the environment, so its values win, and read again whenever it changes. The secrets' options
/// follow it (LiveOptions), so it is how a developer, or a test, changes a signing key, the curator
/// list or a webhook secret while the host runs, as App Service resolving a Key Vault reference
/// after the start would (issue 18). Other settings are read once at start and need a restart.
/// </summary>
public static class LocalSettingsFile
{
    public const string Key = "Local:SettingsFile";

    public static ConfigurationManager AddLocalSettingsFile(this ConfigurationManager configuration)
    {
        if (configuration[Key] is { Length: > 0 } file)
        {
            configuration.AddJsonFile(Path.GetFullPath(file), optional: true, reloadOnChange: true);
        }

        return configuration;
    }
}
