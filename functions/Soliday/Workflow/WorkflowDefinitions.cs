using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Soliday.Workflow;

/// <summary>An activity by name, with the service that carries it out.</summary>
public sealed record ActivityDefinition(string Name, Type InputType, Type OutputType, Func<IServiceProvider, object?, Task<object?>> RunAsync);

/// <summary>An orchestrator by name: a static method taking the orchestration context and its input.</summary>
public sealed record OrchestratorDefinition(string Name, Type InputType, Type OutputType, Func<TaskOrchestrationContext, object?, Task<object?>> RunAsync);

public static class WorkflowDefinition
{
    public static ActivityDefinition Activity<TService, TInput, TOutput>(string name, Func<TService, TInput, Task<TOutput>> run)
        where TService : notnull =>
        new(name, typeof(TInput), typeof(TOutput), async (services, input) =>
            await run(services.GetRequiredService<TService>(), (TInput)input!));

    public static OrchestratorDefinition Orchestrator<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> run) =>
        new(name, typeof(TInput), typeof(TOutput), async (context, input) => await run(context, (TInput)input!));
}
