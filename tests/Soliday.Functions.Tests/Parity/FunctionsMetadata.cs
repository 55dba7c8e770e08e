using System.Text.Json.Nodes;

namespace Soliday.Functions.Tests.Parity;

/// <summary>
/// The trigger metadata the Functions build writes (<c>functions.metadata</c>, what the Azure
/// Functions host reads), copied to this test's output with the Functions app.
/// </summary>
public sealed class FunctionsMetadata
{
    private readonly JsonArray _functions;

    private FunctionsMetadata(JsonArray functions) => _functions = functions;

    public static FunctionsMetadata Load() =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray());

    public IReadOnlySet<string> FunctionNamesWithTrigger(string triggerType) =>
        Triggers(triggerType).Select(t => t.Function).ToHashSet();

    /// <summary>"POST submissions", one per method of every HTTP trigger.</summary>
    public IReadOnlySet<string> HttpRoutes() =>
        Triggers("httpTrigger")
            .SelectMany(t => t.Binding["methods"]!.AsArray().Select(m => $"{m!.GetValue<string>().ToUpperInvariant()} {t.Binding["route"]!.GetValue<string>()}"))
            .ToHashSet();

    public IReadOnlySet<string> QueueNames() =>
        Triggers("queueTrigger").Select(t => t.Binding["queueName"]!.GetValue<string>()).ToHashSet();

    private IEnumerable<(string Function, JsonNode Binding)> Triggers(string triggerType) =>
        from function in _functions
        from binding in function!["bindings"]!.AsArray()
        where binding!["type"]!.GetValue<string>() == triggerType
        select (function!["name"]!.GetValue<string>(), binding!);
}
