using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary>
/// The app runs as one user-assigned identity holding only data roles, each on the one resource it
/// is for: never a role on the subscription or resource group, never one that manages resources.
/// </summary>
public sealed partial class IdentityTemplateTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string CommunicationAndEmailServiceOwner = "09976791-48a7-449e-bb21-39d1a415f350";
    private const string Owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    private const string Contributor = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    private const string UserAccessAdministrator = "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9";

    private readonly CompiledTemplate _template = CompiledTemplate.Main;

    [Fact]
    public void The_app_runs_as_the_user_assigned_identity_for_everything()
    {
        Assert.Single(_template.Resources("Microsoft.ManagedIdentity/userAssignedIdentities"));
        var app = _template.Resource("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", app["identity"]!["type"]!.GetValue<string>());
        Assert.Contains("identityId", app["identity"]!["userAssignedIdentities"]!.Text());
        Assert.Equal("[parameters('identityId')]", app["properties"]!["keyVaultReferenceIdentity"]!.GetValue<string>());
        var deployment = app["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!["authentication"]!;
        Assert.Equal("UserAssignedIdentity", deployment["type"]!.GetValue<string>());

        // The identity passed to the roles module is the one the app runs as.
        var roles = _template.Root["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "roles")!;
        Assert.Contains("'identity'", roles["properties"]!["parameters"]!["appPrincipalId"]!.Text());
    }

    [Fact]
    public void The_identity_holds_exactly_the_data_roles_the_app_needs_each_scoped_to_its_resource()
    {
        var granted = Assignments().Where(a => a.Principal == "appPrincipalId").Select(a => (a.ScopeType, a.RoleId)).ToHashSet();

        Assert.Equal(
            new HashSet<(string, string)>
            {
                ("Microsoft.Storage/storageAccounts", StorageBlobDataOwner),
                ("Microsoft.Storage/storageAccounts", StorageQueueDataContributor),
                ("Microsoft.Storage/storageAccounts", StorageTableDataContributor),
                ("Microsoft.KeyVault/vaults", KeyVaultSecretsUser),
                ("Microsoft.Insights/components", MonitoringMetricsPublisher),
                ("Microsoft.Communication/communicationServices", CommunicationAndEmailServiceOwner), // sending email with an Entra token
            },
            granted);
    }

    [Fact]
    public void The_operator_reads_and_writes_data_but_owns_nothing_and_the_app_manages_no_resource()
    {
        var assignments = Assignments();
        var operatorRoles = assignments.Where(a => a.Principal == "operatorPrincipalId").Select(a => a.RoleId).ToHashSet();

        Assert.NotEmpty(operatorRoles);
        Assert.DoesNotContain(StorageBlobDataOwner, operatorRoles); // Owner can change the access of others' blobs
        Assert.DoesNotContain(assignments, a => a.RoleId is Owner or Contributor or UserAccessAdministrator);
    }

    [Fact]
    public void Every_role_assignment_is_scoped_to_a_resource_never_wider()
    {
        var assignments = Assignments();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("Microsoft.", a.ScopeType));
    }

    [Fact]
    public void Key_Vault_uses_RBAC_and_the_secrets_arrive_as_a_secure_parameter()
    {
        var vault = _template.Resource("Microsoft.KeyVault/vaults")["properties"]!;
        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>());

        Assert.Equal("secureObject", _template.Module("keyvault")["parameters"]!["secrets"]!["type"]!.GetValue<string>());
        Assert.Equal("securestring", _template.Root["parameters"]!["signingKey"]!["type"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("securestring", _template.Root["parameters"]!["curatorToken"]!["type"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    private sealed record Assignment(string Principal, string ScopeType, string RoleId);

    /// <summary>The role assignments of the roles module, with the role ids its variables name resolved.</summary>
    private List<Assignment> Assignments()
    {
        var module = _template.Module("roles");
        var variables = module["variables"]!.AsObject();
        var roles = variables["roles"]!.AsObject();

        string Role(string expression) => roles[RoleName().Match(expression).Groups[1].Value]!.GetValue<string>();

        var assignments = new List<Assignment>();
        foreach (var resource in _template.Resources("Microsoft.Authorization/roleAssignments"))
        {
            var properties = resource["properties"]!;
            var principal = Parameter().Match(properties["principalId"]!.Text()).Groups[1].Value;
            var scope = resource["scope"]?.Text() ?? "";
            var scopeType = ResourceIdType().Match(scope) is { Success: true } m ? m.Groups[1].Value : $"(no resource scope: '{scope}')";
            var roleExpression = properties["roleDefinitionId"]!.Text();

            var roleIds = CopiedRoles().Match(roleExpression) is { Success: true } copied
                ? variables[copied.Groups[1].Value]!.AsArray().Select(r => Role(r!.GetValue<string>()))
                : [Role(roleExpression)];
            assignments.AddRange(roleIds.Select(id => new Assignment(principal, scopeType, id)));
        }

        return assignments;
    }

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)")]
    private static partial Regex RoleName();

    [GeneratedRegex(@"variables\('(\w+)'\)\[copyIndex\(\)\]")]
    private static partial Regex CopiedRoles();

    [GeneratedRegex(@"parameters\('(\w+)'\)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceIdType();
}
