using System.Globalization;
using System.Text.Json.Nodes;
using Soliday.Local.Hosting;

namespace Soliday.Functions.Tests.Parity;

/// <summary>
/// The Functions app and Soliday.Local must offer the same routes, queues and workflow steps:
/// a function added to one host only fails here, before it surprises anyone in Azure.
/// </summary>
public sealed class TriggerParityTests
{
    private readonly FunctionsMetadata _functions = FunctionsMetadata.Load();

    [Fact]
    public void Every_HTTP_route_is_served_by_both_hosts()
    {
        AssertSameSet(_functions.HttpRoutes(), LocalWiring.HttpRoutes(), "HTTP route");
    }

    [Fact]
    public void Every_orchestrator_runs_on_both_hosts()
    {
        AssertSameSet(_functions.FunctionNamesWithTrigger("orchestrationTrigger"), LocalWiring.Orchestrators(), "orchestrator");
    }

    [Fact]
    public void Every_activity_runs_on_both_hosts()
    {
        AssertSameSet(_functions.FunctionNamesWithTrigger("activityTrigger"), LocalWiring.Activities(), "activity");
    }

    [Fact]
    public void Every_queue_is_listened_to_by_both_hosts()
    {
        AssertSameSet(_functions.QueueNames(), LocalWiring.QueueNames(), "queue");
    }

    [Fact]
    public void Every_timer_runs_on_both_hosts()
    {
        AssertSameSet(_functions.FunctionNamesWithTrigger("timerTrigger"), LocalWiring.Timers(), "timer");
    }

    [Fact]
    public void A_failing_queue_message_is_retried_and_set_aside_alike_on_both_hosts()
    {
        // host.json configures the Functions runtime's queue trigger; the local listeners default to the same.
        var queues = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")))!["extensions"]!["queues"]!;
        var local = new LocalQueueOptions();

        Assert.Equal(queues["maxDequeueCount"]!.GetValue<int>(), local.MaxDequeueCount);
        Assert.Equal(TimeSpan.Parse(queues["visibilityTimeout"]!.GetValue<string>(), CultureInfo.InvariantCulture), local.VisibilityTimeout);
        Assert.Equal(queues["batchSize"]!.GetValue<int>(), local.BatchSize);
    }

    [Fact]
    public void The_metadata_describes_the_functions_this_build_contains()
    {
        // Guards the guard: an empty or stale functions.metadata would make the other tests pass vacuously.
        Assert.Contains("POST submissions", _functions.HttpRoutes());
        Assert.Contains("SubmissionOrchestration", _functions.FunctionNamesWithTrigger("orchestrationTrigger"));
        Assert.Contains("hashtag-posts", _functions.QueueNames());
        Assert.Contains("PollMastodon", _functions.FunctionNamesWithTrigger("timerTrigger"));
    }

    private static void AssertSameSet(IReadOnlySet<string> functions, IReadOnlySet<string> local, string what)
    {
        var onlyInFunctions = functions.Except(local).Order().ToList();
        var onlyLocal = local.Except(functions).Order().ToList();
        Assert.True(onlyInFunctions.Count == 0 && onlyLocal.Count == 0,
            $"Each {what} must exist on both hosts. Only in Soliday.Functions: [{string.Join(", ", onlyInFunctions)}]; only in Soliday.Local: [{string.Join(", ", onlyLocal)}].");
    }
}
