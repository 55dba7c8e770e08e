using Microsoft.DurableTask;
using Soliday.Workflow;

namespace Soliday.Local.Durable;

/// <summary>Registers Soliday's workflow list with the Durable Task worker.</summary>
public static class WorkflowRegistration
{
    public static DurableTaskRegistry AddSolidayWorkflow(this DurableTaskRegistry registry)
    {
        foreach (var orchestrator in SolidayWorkflow.Orchestrators)
        {
            registry.AddOrchestrator(orchestrator.Name, () => new DefinedOrchestrator(orchestrator));
        }

        foreach (var activity in SolidayWorkflow.Activities)
        {
            registry.AddActivity(activity.Name, services => new DefinedActivity(activity, services));
        }

        return registry;
    }

    private sealed class DefinedOrchestrator(OrchestratorDefinition definition) : ITaskOrchestrator
    {
        public Type InputType => definition.InputType;

        public Type OutputType => definition.OutputType;

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) => definition.RunAsync(context, input);
    }

    private sealed class DefinedActivity(ActivityDefinition definition, IServiceProvider services) : ITaskActivity
    {
        public Type InputType => definition.InputType;

        public Type OutputType => definition.OutputType;

        public Task<object?> RunAsync(TaskActivityContext context, object? input) => definition.RunAsync(services, input);
    }
}
