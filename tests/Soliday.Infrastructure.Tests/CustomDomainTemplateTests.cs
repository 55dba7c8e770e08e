using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>
/// Custom domains go through Azure Front Door with its managed certificates (Flex Consumption has
/// no App Service managed certificate), only when asked for, and never open a way around it.
/// </summary>
public sealed class CustomDomainTemplateTests
{
    private readonly CompiledTemplate _template = CompiledTemplate.Main;

    [Fact]
    public void Front_Door_is_made_only_when_an_API_domain_is_given()
    {
        var parameters = _template.Root["parameters"]!;

        Assert.Equal(string.Empty, parameters["apiCustomDomain"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(string.Empty, parameters["siteCustomDomain"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("[not(empty(parameters('apiCustomDomain')))]", _template.Root["variables"]!["useFrontDoor"]!.GetValue<string>());
        foreach (var module in new[] { "front-door-profile", "front-door" })
        {
            var deployment = _template.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == module)!;
            Assert.Equal("[variables('useFrontDoor')]", deployment["condition"]!.GetValue<string>());
        }

        Assert.Equal("Standard_AzureFrontDoor", _template.Resource("Microsoft.Cdn/profiles")["sku"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Every_custom_domain_has_a_managed_certificate_and_TLS_1_2()
    {
        var domains = _template.Resources("Microsoft.Cdn/profiles/customDomains");

        Assert.Equal(2, domains.Count); // the API's, and the site's when asked for
        Assert.All(domains, d =>
        {
            Assert.Equal("ManagedCertificate", d["properties"]!["tlsSettings"]!["certificateType"]!.GetValue<string>());
            Assert.Equal("TLS12", d["properties"]!["tlsSettings"]!["minimumTlsVersion"]!.GetValue<string>());
        });
    }

    [Fact]
    public void The_API_route_serves_only_the_API_over_HTTPS_and_is_never_cached()
    {
        var route = Assert.Single(_template.Resources("Microsoft.Cdn/profiles/afdEndpoints/routes"), r => r["name"]!.Text().Contains("'api'", StringComparison.Ordinal))["properties"]!;

        Assert.Equal(["/api/*"], route["patternsToMatch"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(["Https"], route["supportedProtocols"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Null(route["cacheConfiguration"]);
    }

    [Fact]
    public void Behind_Front_Door_the_app_admits_only_Front_Door_and_reads_the_residents_address_from_it()
    {
        var siteConfig = _template.Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!;
        var settings = _template.Module("function-app")["variables"]!["solidaySettings"]!;

        Assert.Equal("[if(empty(parameters('frontDoorId')), 'Allow', 'Deny')]", siteConfig["ipSecurityRestrictionsDefaultAction"]!.GetValue<string>());
        var restriction = siteConfig["ipSecurityRestrictions"]!.Text();
        Assert.Contains("AzureFrontDoor.Backend", restriction, StringComparison.Ordinal);
        Assert.Contains("x-azure-fdid", restriction, StringComparison.Ordinal);
        Assert.Contains("parameters('frontDoorId')", restriction, StringComparison.Ordinal);

        // The address header is believed only where nobody but Front Door can send it.
        Assert.Equal("[if(empty(parameters('frontDoorId')), '', 'X-Azure-ClientIP')]", settings["Submissions__ClientAddressHeader"]!.GetValue<string>());
        Assert.Contains("parameters('customApiHost')", settings["Site__SubmitUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
