using System.Globalization;
using System.Text.Json.Nodes;

namespace Soliday.Functions.Tests.Parity;

/// <summary>
/// Soliday.Local binds the Functions app's own <c>[Function]</c> methods: what it maps and listens
/// to must be exactly what the Functions build describes in functions.metadata, function by
/// function (route, methods, queue, schedule), so the two hosts cannot drift apart.
/// </summary>
public sealed class TriggerParityTests : IDisposable
{
    private readonly FunctionsMetadata _functions = FunctionsMetadata.Load();
    private readonly LocalWiring _local = new();

    [Fact]
    public void Every_HTTP_function_is_mapped_locally_at_its_route_and_methods()
    {
        AssertSameSet(_functions.HttpBindings(), _local.HttpBindings(), "HTTP function (name: method route)");
    }

    [Fact]
    public void Every_orchestrator_runs_on_both_hosts()
    {
        AssertSameSet(_functions.FunctionNamesWithTrigger("orchestrationTrigger"), _local.Orchestrators(), "orchestrator");
    }

    [Fact]
    public void Every_activity_runs_on_both_hosts()
    {
        AssertSameSet(_functions.FunctionNamesWithTrigger("activityTrigger"), _local.Activities(), "activity");
    }

    [Fact]
    public void Every_queue_function_listens_locally_to_its_queue()
    {
        AssertSameSet(_functions.QueueBindings(), _local.QueueBindings(), "queue function (name: queue)");
    }

    [Fact]
    public void Every_timer_function_runs_locally_on_its_schedule()
    {
        AssertSameSet(_functions.TimerBindings(), _local.TimerBindings(), "timer function (name: schedule)");
    }

    [Fact]
    public void A_failing_queue_message_is_retried_and_set_aside_as_host_json_says()
    {
        var queues = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!["extensions"]!["queues"]!;
        var local = _local.QueueOptions;

        Assert.Equal(queues["maxDequeueCount"]!.GetValue<int>(), local.MaxDequeueCount);
        Assert.Equal(TimeSpan.Parse(queues["visibilityTimeout"]!.GetValue<string>(), CultureInfo.InvariantCulture), local.VisibilityTimeout);
        Assert.Equal(queues["batchSize"]!.GetValue<int>(), local.BatchSize);
    }

    [Fact]
    public void The_metadata_and_the_local_wiring_both_describe_the_functions_this_build_contains()
    {
        // Guards the guard: an empty or stale functions.metadata, or a local host that maps nothing,
        // would make the other tests pass vacuously.
        Assert.Contains("Submit: POST submissions", _functions.HttpBindings());
        Assert.Contains("CurationApprove: POST curation/{id}/approve", _local.HttpBindings());
        Assert.Contains("SubmissionOrchestration", _local.Orchestrators());
        Assert.Contains("IngestHashtagPost: hashtag-posts", _local.QueueBindings());
        Assert.Contains("PollMastodon: %Hashtags:PollSchedule%", _local.TimerBindings());
    }

    public void Dispose() => _local.Dispose();

    private static void AssertSameSet(IReadOnlySet<string> functions, IReadOnlySet<string> local, string what)
    {
        var onlyInFunctions = functions.Except(local).Order().ToList();
        var onlyLocal = local.Except(functions).Order().ToList();
        Assert.True(onlyInFunctions.Count == 0 && onlyLocal.Count == 0,
            $"Each {what} must be wired alike on both hosts. Only in Soliday.Functions: [{string.Join(", ", onlyInFunctions)}]; only in Soliday.Local: [{string.Join(", ", onlyLocal)}].");
    }
}
