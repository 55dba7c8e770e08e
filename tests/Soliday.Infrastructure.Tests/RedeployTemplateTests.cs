using System.Text.Json.Nodes;
using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>
/// What makes a deployment fail late or not at all the second time: a region without Flex
/// Consumption, a Key Vault name still held by a soft-deleted vault, the wrong principal type.
/// </summary>
public sealed class RedeployTemplateTests
{
    private static readonly JsonObject FromEnvironment =
        JsonNode.Parse(File.ReadAllText(Repository.File("infra", "main.parameters.json")))!["parameters"]!.AsObject();

    private readonly CompiledTemplate _template = CompiledTemplate.Main;

    [Fact]
    public void Only_regions_offering_Flex_Consumption_can_be_chosen()
    {
        var allowed = _template.Root["parameters"]!["location"]!["allowedValues"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

        Assert.Superset(new HashSet<string> { "eastus", "eastus2", "northeurope", "westeurope", "uksouth", "swedencentral", "australiaeast", "southeastasia" }, allowed.ToHashSet());
        Assert.DoesNotContain(allowed, r => r.Contains("euap", StringComparison.Ordinal)); // canary regions are not for production
        Assert.DoesNotContain("westus", allowed); // no Flex Consumption there: azd would fail at the plan, after the storage
        Assert.Equal(allowed.Distinct().Count(), allowed.Count);
    }

    [Fact]
    public void A_new_Key_Vault_generation_gives_a_new_name_no_longer_than_Azure_allows()
    {
        var name = _template.Root["variables"]!["names"]!["keyVault"]!.GetValue<string>();

        Assert.Equal(
            "[if(empty(parameters('keyVaultGeneration')), format('kv-{0}', variables('token')), format('kv-{0}', take(toLower(uniqueString(variables('token'), parameters('keyVaultGeneration'))), 13)))]",
            name);

        // uniqueString gives 13 characters: "kv-" and 13 is 16, under Key Vault's 24.
        Assert.Equal(string.Empty, _template.Root["parameters"]!["keyVaultGeneration"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("${SOLIDAY_KEY_VAULT_GENERATION=}", FromEnvironment["keyVaultGeneration"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Purge_protection_is_a_choice_off_by_default_and_never_sent_as_false()
    {
        var vault = _template.Resource("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.Equal("[if(parameters('purgeProtection'), true(), null())]", vault["enablePurgeProtection"]!.GetValue<string>());
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.False(_template.Root["parameters"]!["keyVaultPurgeProtection"]!["defaultValue"]!.GetValue<bool>());
        Assert.Equal("[parameters('keyVaultPurgeProtection')]", _template.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "keyvault")!["properties"]!["parameters"]!["purgeProtection"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void The_operator_role_assignments_take_the_principal_type_azd_signed_in_with()
    {
        var operatorAssignments = _template.Resources("Microsoft.Authorization/roleAssignments")
            .Where(a => a["properties"]!["principalId"]!.Text().Contains("operatorPrincipalId", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(operatorAssignments);
        Assert.All(operatorAssignments, a => Assert.Equal("[parameters('operatorPrincipalType')]", a["properties"]!["principalType"]!.GetValue<string>()));
        Assert.Equal("${AZURE_PRINCIPAL_TYPE=User}", FromEnvironment["operatorPrincipalType"]!["value"]!.GetValue<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", FromEnvironment["operatorPrincipalId"]!["value"]!.GetValue<string>());
    }
}
