using System.Globalization;
using System.Text.Json.Nodes;
using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>
/// Every setting the code reads is in three places that must not drift apart: the local settings
/// sample, the settings tables of docs/configuration.md, and the app settings the Bicep gives the
/// function app. The settings are found from the code (<see cref="CodeSettings"/>), so a new one
/// fails here until all three have it.
/// </summary>
public sealed class AppSettingsTests
{
    /// <summary>Settings the code reads that Azure deliberately does not set, and why.</summary>
    private static readonly Dictionary<string, string> NotSetInAzure = new()
    {
        ["AzureWebJobsStorage"] = "a connection string needs the account's shared keys, which are off: Azure uses the identity-based settings",
        ["AzureWebJobsStorage__accountName"] = "the short form of the service URIs, which Azure sets instead",
        ["Hashtags__IgnorePostsBefore"] = "its default, the start of the day before Soliday:Day, follows the day parameter",
        ["Curation__LocalToken"] = "the local host's unnamed curator: Azure names every curator (Curation__Curators), so the audit log says who decided",
        ["Notifications__Smtp__Host"] = "Azure sends through Communication Services' Email API with the app's identity (Notifications__Acs__Endpoint), which needs no password; SMTP is for local runs and tests",
        ["Notifications__Smtp__Port"] = "likewise: no SMTP server in Azure",
        ["Hashtags__Mastodon__AccessTokens"] = "public hashtag timelines need no token; one that does goes in Key Vault by hand (docs/operations.md)",
        ["Site__LanguageFolder"] = "a translation ships inside the package (functions/Soliday/Words); the folder is for trying one out locally, and for the tests' right-to-left language",
    };

    /// <summary>App settings the Bicep sets that Soliday's code does not read: the platform does.</summary>
    private static readonly Dictionary<string, string> ReadByThePlatform = new()
    {
        ["AzureWebJobsStorage__tableServiceUri"] = "the Functions host: the durable engine's history and instance tables",
        ["AzureWebJobs.PollMastodon.Disabled"] = "the Functions host: the Mastodon poll timer is off while no server is configured",
        ["AzureWebJobs.PollBluesky.Disabled"] = "the Functions host: the Bluesky poll timer is off while no account is configured",
        ["AzureWebJobs.EmailCuratorReminder.Disabled"] = "the Functions host: the curator-reminders queue's email reader is off while no curator address is given",
        ["AzureWebJobs.EmailCuratorDigest.Disabled"] = "the Functions host: the curators' digest timer is off while no curator address is given",
    };

    private static readonly TemplateAppSettings Template = TemplateAppSettings.From(CompiledTemplate.Main);

    [Fact]
    public void The_code_reads_the_settings_this_test_expects_to_find()
    {
        // Guards the guard: if discovery found nothing, every check below would pass vacuously.
        var names = CodeSettings.App.Select(s => s.Name).ToList();
        Assert.Contains("Soliday__Day", names);
        Assert.Contains("Imaging__RenditionWidths", names);
        Assert.Contains("Curation__TrustEasyAuth", names);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", names);
        Assert.Contains("Telemetry__Console", CodeSettings.LocalOnly.Select(s => s.Name));
    }

    [Fact]
    public void Every_setting_the_code_reads_is_in_the_local_settings_sample()
    {
        var sample = JsonNode.Parse(File.ReadAllText(Repository.File("local.settings.sample.json")))!["Values"]!.AsObject()
            .Select(v => v.Key).ToHashSet(StringComparer.Ordinal);

        var missing = CodeSettings.App.Where(s => !(s.IsList ? sample.Any(k => k.StartsWith($"{s.Name}__", StringComparison.Ordinal)) : sample.Contains(s.Name)));

        Assert.True(!missing.Any(), $"local.settings.sample.json lacks: {string.Join(", ", missing.Select(s => s.Name))}");
    }

    [Fact]
    public void Every_setting_the_code_reads_is_described_in_docs_configuration()
    {
        var documented = DocumentedSettings.Keys();

        var missing = CodeSettings.App.Concat(CodeSettings.LocalOnly).Where(s => !documented.Contains(s.ConfigurationKey) && !documented.Contains(s.Name));

        Assert.True(!missing.Any(), $"docs/configuration.md's settings tables lack: {string.Join(", ", missing.Select(s => s.ConfigurationKey))}");
    }

    [Fact]
    public void Every_setting_the_code_reads_is_set_by_the_Bicep_or_left_out_for_a_stated_reason()
    {
        var missing = CodeSettings.App.Where(s => !NotSetInAzure.ContainsKey(s.Name) && !Template.Sets(s));

        Assert.True(!missing.Any(), $"infra/modules/function-app.bicep does not set: {string.Join(", ", missing.Select(s => s.Name))}");
        Assert.All(NotSetInAzure.Keys, name => Assert.Contains(name, CodeSettings.App.Select(s => s.Name)));
    }

    [Fact]
    public void Every_app_setting_the_Bicep_sets_is_read_by_the_code_or_the_platform()
    {
        var read = CodeSettings.App.ToDictionary(s => s.Name);

        var unread = Template.Named.Keys
            .Where(name => !read.ContainsKey(name) && !ReadByThePlatform.ContainsKey(name))
            .Where(name => !read.Values.Any(s => s.IsList && name.StartsWith($"{s.Name}__", StringComparison.Ordinal)))
            .Concat(Template.ListPrefixes.Where(prefix => !read.TryGetValue(prefix[..^2], out var list) || !list.IsList));

        Assert.True(!unread.Any(), $"The Bicep sets settings nothing reads (a typo, or a setting the code dropped): {string.Join(", ", unread)}");
    }

    [Fact]
    public void Values_the_Bicep_writes_out_are_the_codes_own_defaults()
    {
        // A tuning value in the Bicep that differs from the code's default is a change nobody decided.
        foreach (var setting in CodeSettings.App.Where(s => s.Default is not null && !s.IsList && Template.Named.ContainsKey(s.Name)))
        {
            var value = Template.Named[setting.Name];
            if (value.StartsWith('['))
            {
                continue; // a parameter or another resource's value: the deployment's choice
            }

            Assert.True(SameValue(setting.Default!, value), $"{setting.Name}: the Bicep has '{value}', the code's default is '{Format(setting.Default!)}'.");
        }

        var widths = ((int[])CodeSettings.App.Single(s => s.Name == "Imaging__RenditionWidths").Default!).Select(w => w.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(widths, Template.Named.Where(s => s.Key.StartsWith("Imaging__RenditionWidths__", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
    }

    [Fact]
    public void Easy_Auth_is_never_trusted_on_Flex_Consumption()
    {
        // Flex Consumption does not enforce App Service Authentication (docs/deploy.md, "Curator sign-in and App Service Authentication"):
        // trusting its principal header there would let anyone who sends one curate.
        Assert.Equal("false", Template.Named["Curation__TrustEasyAuth"]);
        Assert.Equal("FlexConsumption", CompiledTemplate.Main.Resource("Microsoft.Web/serverfarms")["sku"]!["tier"]!.GetValue<string>());
    }

    [Fact]
    public void Secrets_are_Key_Vault_references_never_values()
    {
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName=", Template.Named["Submissions__SigningKey"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName=", Template.Named["Hashtags__WebhookSecret"]);
    }

    [Fact]
    public void Each_curator_s_token_is_a_Key_Vault_reference_to_their_own_secret()
    {
        var curators = CompiledTemplate.Main.Module("function-app")["variables"]!["curatorSettings"]!.Text();
        var passed = CompiledTemplate.Main.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "function-app")!["properties"]!["parameters"]!["curators"]!.Text();

        Assert.Contains("format('Curation__Curators__{0}__Name', lambdaVariables('i'))", curators);
        Assert.Contains("format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', parameters('keyVaultName'), parameters('curators')[lambdaVariables('i')].secret)", curators);

        // The first curator is the organiser azd makes a token for; the others follow.
        Assert.Contains("concat(createArray(createObject('name', parameters('curatorName'), 'secret', variables('secretNames').curatorToken)), parameters('curators'))", passed);
    }

    [Fact]
    public void Each_volunteer_s_helper_code_is_a_Key_Vault_reference_to_their_own_secret()
    {
        var helpers = CompiledTemplate.Main.Module("function-app")["variables"]!["helperSettings"]!.Text();
        var passed = CompiledTemplate.Main.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "function-app")!["properties"]!["parameters"]!["helpers"]!.Text();

        Assert.Contains("format('Submissions__HelperCodes__{0}__Name', lambdaVariables('i'))", helpers);
        Assert.Contains("format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', parameters('keyVaultName'), parameters('helpers')[lambdaVariables('i')].secret)", helpers);
        Assert.Contains("parameters('helpers')", passed);
    }

    private static bool SameValue(object codeDefault, string value) => codeDefault switch
    {
        TimeSpan span => TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed) && parsed == span,
        bool flag => bool.TryParse(value, out var parsed) && parsed == flag,
        _ => string.Equals(Format(codeDefault), value, StringComparison.Ordinal),
    };

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
