using System.Text.Json.Nodes;
using Soliday.Hashtags;
using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>The Function App: Flex Consumption, .NET 10 isolated, HTTPS only, deployed from its own container.</summary>
public sealed class FunctionAppTemplateTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Main;

    [Fact]
    public void The_app_runs_dotnet_10_isolated_on_the_Flex_Consumption_plan()
    {
        var plan = _template.Resource("Microsoft.Web/serverfarms");
        var app = _template.Resource("Microsoft.Web/sites");
        var runtime = app["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());
        Assert.Equal("functionapp,linux", app["kind"]!.GetValue<string>());
        Assert.Equal("dotnet-isolated", runtime["name"]!.GetValue<string>());
        Assert.Equal("10.0", runtime["version"]!.GetValue<string>());
    }

    [Fact]
    public void The_app_answers_only_over_HTTPS_with_TLS_1_2_and_no_FTP()
    {
        var properties = _template.Resource("Microsoft.Web/sites")["properties"]!;

        Assert.True(properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", properties["siteConfig"]!["minTlsVersion"]!.GetValue<string>());
        Assert.Equal("Disabled", properties["siteConfig"]!["ftpsState"]!.GetValue<string>());
    }

    [Fact]
    public void The_package_is_deployed_from_a_container_the_template_makes()
    {
        var storage = _template.Resource("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", storage["type"]!.GetValue<string>());
        Assert.Contains("parameters('deploymentContainer')", storage["value"]!.Text());
        Assert.Contains(
            "deploymentContainer",
            _template.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "storage")!["properties"]!["parameters"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void The_durable_and_http_groups_have_an_always_ready_instance_unless_switched_off()
    {
        var scale = _template.Resource("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;
        var groups = _template.Module("function-app")["variables"]!["alwaysReadyGroups"]!.AsArray().Select(g => g!.GetValue<string>());
        var parameter = _template.Root["parameters"]!["alwaysReady"]!;
        var fromEnvironment = JsonNode.Parse(File.ReadAllText(Repository.File("infra", "main.parameters.json")))!["parameters"]!["alwaysReady"]!["value"]!;

        Assert.Equal(["durable", "http"], groups.Order());
        Assert.Equal(
            "[if(parameters('alwaysReady'), map(variables('alwaysReadyGroups'), lambda('group', createObject('name', lambdaVariables('group'), 'instanceCount', 1))), createArray())]",
            scale["alwaysReady"]!.GetValue<string>());
        Assert.True(parameter["defaultValue"]!.GetValue<bool>());
        Assert.Equal("${SOLIDAY_ALWAYS_READY=true}", fromEnvironment.GetValue<string>());
    }

    [Fact]
    public void The_Mastodon_poll_timer_is_switched_off_exactly_when_no_server_is_configured()
    {
        // An idle app costs nothing: without a server the timer would bill a run every 15 seconds.
        var settings = TemplateAppSettings.From(_template);
        var switchName = $"AzureWebJobs.{HashtagTriggers.PollMastodon}.Disabled";

        Assert.Equal("[if(empty(parameters('mastodonServers')), 'true', 'false')]", settings.Named[switchName]);
        Assert.Contains("Hashtags__Mastodon__Servers__", settings.ListPrefixes);
        Assert.Contains("parameters('mastodonServers')", _template.Module("function-app")["variables"]!["mastodonServerSettings"]!.Text());
    }

    [Fact]
    public void Bluesky_is_read_only_with_a_handle_and_its_app_password_is_a_Key_Vault_reference()
    {
        var settings = TemplateAppSettings.From(_template);

        Assert.Equal($"[if(empty(parameters('blueskyHandle')), 'true', 'false')]", settings.Named[$"AzureWebJobs.{HashtagTriggers.PollBluesky}.Disabled"]);
        Assert.Equal("[if(empty(parameters('blueskyHandle')), '', format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', parameters('keyVaultName'), parameters('blueskyAppPasswordSecretName')))]",
            settings.Named["Hashtags__Bluesky__AppPassword"]);
        Assert.Equal("[parameters('blueskyHandle')]", settings.Named["Hashtags__Bluesky__Handle"]);
        Assert.Contains("hashtags-bluesky-app-password", _template.Root.ToJsonString());
    }

    [Fact]
    public void azd_finds_the_app_by_its_service_tag()
    {
        Assert.Contains("'azd-service-name', 'api'", _template.Resource("Microsoft.Web/sites")["tags"]!.Text());
    }

    [Fact]
    public void Easy_Auth_is_only_added_when_asked_for_and_never_blocks_residents()
    {
        var authentication = Assert.Single(_template.Resources("Microsoft.Web/sites/config"), r => r["name"]!.Text().Contains("authsettingsV2", StringComparison.Ordinal));

        Assert.Equal("[parameters('enableEasyAuth')]", authentication["condition"]!.GetValue<string>());
        Assert.False(_template.Root["parameters"]!["enableEasyAuth"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("AllowAnonymous", authentication["properties"]!["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>());
    }
}
