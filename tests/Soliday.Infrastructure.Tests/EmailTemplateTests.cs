using Soliday.Infrastructure.Tests.Support;
using Soliday.Notifications;

namespace Soliday.Infrastructure.Tests;

/// <summary>
/// Email in Azure: Azure Communication Services with an Azure-managed domain, reached through its
/// Email API with the app's managed identity, so no key, connection string or SMTP password exists
/// (docs/deploy.md, "Email").
/// </summary>
public sealed class EmailTemplateTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Main;
    private readonly TemplateAppSettings _settings = TemplateAppSettings.From(CompiledTemplate.Main);

    [Fact]
    public void The_Communication_Service_is_linked_to_an_Azure_managed_email_domain_that_tracks_nobody()
    {
        var emailService = _template.Resource("Microsoft.Communication/emailServices");
        var domain = _template.Resource("Microsoft.Communication/emailServices/domains");
        var communication = _template.Resource("Microsoft.Communication/communicationServices");

        Assert.Equal("global", emailService["location"]!.GetValue<string>());
        Assert.Equal("AzureManaged", domain["properties"]!["domainManagement"]!.GetValue<string>());
        Assert.Equal("Disabled", domain["properties"]!["userEngagementTracking"]!.GetValue<string>());
        Assert.Contains("Microsoft.Communication/emailServices/domains", communication["properties"]!["linkedDomains"]!.Text());
        Assert.Equal(
            communication["properties"]!["dataLocation"]!.Text(),
            emailService["properties"]!["dataLocation"]!.Text());
        Assert.Equal("Europe", _template.Root["parameters"]!["emailDataLocation"]!["defaultValue"]!.GetValue<string>());
    }

    [Fact]
    public void The_app_sends_through_the_Email_API_as_its_own_identity_with_no_secret()
    {
        Assert.Equal("[parameters('emailEndpoint')]", _settings.Named["Notifications__Acs__Endpoint"]);
        Assert.Equal("[parameters('identityClientId')]", _settings.Named["Notifications__Acs__ClientId"]);
        Assert.Equal("[parameters('emailSenderAddress')]", _settings.Named["Notifications__From"]);
        Assert.Equal("[parameters('identityClientId')]", _settings.Named["AzureWebJobsStorage__clientId"]); // the same identity the role is given to
        Assert.DoesNotContain(_settings.Named.Keys, name => name.StartsWith("Notifications__Smtp__", StringComparison.Ordinal));

        var passed = FunctionAppParameters();
        Assert.Contains("'communication'", passed["emailEndpoint"]!.Text());
        Assert.Contains("outputs.endpoint", passed["emailEndpoint"]!.Text());
        Assert.Contains("outputs.senderAddress", passed["emailSenderAddress"]!.Text());
        var outputs = _template.Module("communication")["outputs"]!;
        Assert.Equal("[format('https://{0}', reference(resourceId('Microsoft.Communication/communicationServices', parameters('communicationServiceName')), '2023-04-01').hostName)]", outputs["endpoint"]!["value"]!.GetValue<string>());
        Assert.StartsWith("[format('DoNotReply@{0}'", outputs["senderAddress"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Curators_reminders_and_digest_are_emailed_exactly_when_curator_addresses_are_given()
    {
        var off = "[if(empty(parameters('curatorEmails')), 'true', 'false')]";

        Assert.Equal(off, _settings.Named[$"AzureWebJobs.{CuratorReminderMail.FunctionName}.Disabled"]);
        Assert.Equal(off, _settings.Named[$"AzureWebJobs.{CuratorDigest.FunctionName}.Disabled"]);
        Assert.Contains("Notifications__CuratorAddresses__", _settings.ListPrefixes);
        Assert.Contains("parameters('curatorEmails')", FunctionAppParameters()["curatorEmails"]!.Text());
        Assert.Equal("${SOLIDAY_CURATOR_EMAILS=[]}", System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repository.File("infra", "main.parameters.json")))!["parameters"]!["curatorEmails"]!["value"]!.GetValue<string>());
    }

    private System.Text.Json.Nodes.JsonNode FunctionAppParameters() =>
        _template.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "function-app")!["properties"]!["parameters"]!;
}
