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

    /// <summary>"Submit: POST submissions", one per method of every HTTP trigger.</summary>
    public IReadOnlySet<string> HttpBindings() =>
        Triggers("httpTrigger")
            .SelectMany(t => t.Binding["methods"]!.AsArray().Select(m => $"{t.Function}: {m!.GetValue<string>().ToUpperInvariant()} {t.Binding["route"]!.GetValue<string>()}"))
            .ToHashSet();

    /// <summary>"IngestPost: hashtag-posts".</summary>
    public IReadOnlySet<string> QueueBindings() =>
        Triggers("queueTrigger").Select(t => $"{t.Function}: {t.Binding["queueName"]!.GetValue<string>()}").ToHashSet();

    /// <summary>"PollMastodon: %Hashtags:PollSchedule%".</summary>
    public IReadOnlySet<string> TimerBindings() =>
        Triggers("timerTrigger").Select(t => $"{t.Function}: {t.Binding["schedule"]!.GetValue<string>()}").ToHashSet();

    private IEnumerable<(string Function, JsonNode Binding)> Triggers(string triggerType) =>
        from function in _functions
        from binding in function!["bindings"]!.AsArray()
        where binding!["type"]!.GetValue<string>() == triggerType
        select (function!["name"]!.GetValue<string>(), binding!);
}
