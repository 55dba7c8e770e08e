using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Infrastructure.Tests.Support;

namespace Soliday.Infrastructure.Tests;

/// <summary><c>azd up</c> has what it needs: a real project to deploy, parameters the template takes, a hook that exists.</summary>
public sealed partial class AzdTests
{
    private static readonly string AzureYaml = File.ReadAllText(Repository.File("azure.yaml"));

    [Fact]
    public void The_api_service_is_the_Functions_project_deployed_as_a_function()
    {
        var project = ServiceProject().Match(AzureYaml);
        Assert.True(project.Success, "azure.yaml names no service project.");

        var folder = Path.GetFullPath(Repository.File(project.Groups[1].Value.TrimStart('.', '/')));
        var csproj = Assert.Single(Directory.GetFiles(folder, "*.csproj"));
        Assert.Contains("<AzureFunctionsVersion>v4</AzureFunctionsVersion>", File.ReadAllText(csproj));
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", AzureYaml);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", AzureYaml);
        Assert.Matches(@"(?m)^  api:\s*$", AzureYaml);
    }

    [Fact]
    public void Azd_up_needs_no_Azure_CLI_the_template_switches_the_static_website_on()
    {
        // A hook calling `az` made `azd up` depend on a second CLI, signed in separately; the static
        // website is now an Azure Resource Manager property (StorageTemplateTests).
        var scripts = HookScript().Matches(AzureYaml).Select(m => m.Groups[1].Value)
            .Select(hook => Repository.File(hook.TrimStart('.', '/')))
            .Where(File.Exists)
            .Select(File.ReadAllText);

        Assert.DoesNotMatch(AzureCli(), AzureYaml);
        Assert.All(scripts, script => Assert.DoesNotMatch(AzureCli(), script));
        Assert.False(Directory.Exists(Repository.File("infra", "hooks")) && Directory.EnumerateFiles(Repository.File("infra", "hooks")).Any(f => AzureCli().IsMatch(File.ReadAllText(f))));
    }

    [Fact]
    public void The_parameters_file_sets_only_parameters_the_template_takes_and_holds_no_secret()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Repository.File("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var template = CompiledTemplate.Main.Root["parameters"]!.AsObject();

        foreach (var (name, parameter) in parameters)
        {
            Assert.True(template.ContainsKey(name), $"main.parameters.json sets '{name}', which main.bicep does not take.");

            // Every value comes from the azd environment: nothing deployment-specific, nothing secret, in git.
            Assert.Matches(@"^\$\{[A-Z_]+(=[^}]*)?\}$", parameter!["value"]!.GetValue<string>());
        }

        Assert.Contains("signingKey", parameters.Select(p => p.Key));
        Assert.Contains("curatorToken", parameters.Select(p => p.Key));
    }

    [Fact]
    public void The_outputs_the_hook_and_the_runbook_use_are_there()
    {
        var outputs = CompiledTemplate.Main.Root["outputs"]!.AsObject().Select(o => o.Key).ToHashSet();

        Assert.Superset(new HashSet<string> { "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_FUNCTION_APP_NAME", "AZURE_KEY_VAULT_NAME", "AZURE_RESOURCE_GROUP", "SOLIDAY_SITE_URL", "SOLIDAY_API_URL" }, outputs);
    }

    [GeneratedRegex(@"(?m)^\s+project:\s*(\S+)\s*$")]
    private static partial Regex ServiceProject();

    [GeneratedRegex(@"(?m)^\s+run:\s*(\S+)\s*$")]
    private static partial Regex HookScript();

    /// <summary>An Azure CLI command at the start of a line or after a pipe, `&&` or `$(`.</summary>
    [GeneratedRegex(@"(?m)(^|[|&(;]\s*)\s*az\s+[a-z]")]
    private static partial Regex AzureCli();
}
