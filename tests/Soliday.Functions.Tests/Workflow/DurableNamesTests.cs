using Soliday.Functions.Tests.Parity;

namespace Soliday.Functions.Tests.Workflow;

/// <summary>
/// The durable engine calls an orchestration and its activities by name, and a running instance's
/// history names the steps it has taken: a step renamed (or its function moved under another name)
/// would strand every entry in flight at the next deployment. These are the names since issue 13.
/// </summary>
public sealed class DurableNamesTests
{
    private readonly FunctionsMetadata _functions = FunctionsMetadata.Load();

    [Fact]
    public void The_orchestration_keeps_the_name_running_instances_were_started_with()
    {
        Assert.Equal(new[] { "SubmissionOrchestration" }, _functions.FunctionNamesWithTrigger("orchestrationTrigger"));
    }

    [Fact]
    public void Every_activity_keeps_the_name_running_instances_call_it_by()
    {
        // BeginProcessing, PreparePhoto and OfferForCuration: only workflows started before issue 16
        // call them (since then PrepareAndOffer does all three), and such entries may still be waiting.
        string[] inFlight =
        [
            "ApplyChange", "BeginProcessing", "CheckSourcePost", "DiscardEntry", "NotifyResident",
            "OfferForCuration", "PrepareAndOffer", "PreparePhoto", "PublishEntry", "RemindCurators", "RequestErasure",
        ];

        Assert.Equal(inFlight, _functions.FunctionNamesWithTrigger("activityTrigger").Order());
    }
}
