using System.Text.Json.Nodes;

namespace Soliday.Infrastructure.Tests.Support;

/// <summary>
/// infra/main.bicep compiled to the ARM JSON Azure deploys, built once per test run. Modules are
/// nested deployments whose templates are inlined; resources are found through all of them.
/// </summary>
public sealed class CompiledTemplate
{
    private static readonly Lazy<CompiledTemplate> Built = new(Build);

    private CompiledTemplate(JsonObject root) => Root = root;

    public static CompiledTemplate Main => Built.Value;

    public JsonObject Root { get; }

    /// <summary>The inlined template of the module deployed under <paramref name="deploymentName"/>.</summary>
    public JsonObject Module(string deploymentName) =>
        Root["resources"]!.AsArray()
            .Select(r => r!.AsObject())
            .Single(r => r["type"]!.GetValue<string>() == "Microsoft.Resources/deployments" && r["name"]!.GetValue<string>() == deploymentName)
            ["properties"]!["template"]!.AsObject();

    /// <summary>Every resource of <paramref name="type"/>, in the main template and every module.</summary>
    public IReadOnlyList<JsonObject> Resources(string type) => AllResources(Root).Where(r => r["type"]!.GetValue<string>() == type).ToList();

    /// <summary>The single resource of a type that the template declares once.</summary>
    public JsonObject Resource(string type) => Assert.Single(Resources(type));

    private static IEnumerable<JsonObject> AllResources(JsonObject template)
    {
        // Resources are an array, or (with symbolic names, languageVersion 2.0) an object by name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject byName => byName.Select(r => r.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static CompiledTemplate Build()
    {
        var output = Path.Combine(Path.GetTempPath(), $"soliday-bicep-{Guid.NewGuid():N}", "main.json");
        var result = BicepCli.Run("build", Repository.File("infra", "main.bicep"), "--outfile", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        try
        {
            return new CompiledTemplate(JsonNode.Parse(File.ReadAllText(output))!.AsObject());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }
}
