using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Soliday.Local.Functions;

/// <summary>
/// Registers each <c>[OrchestrationTrigger]</c> and <c>[ActivityTrigger]</c> function with the local
/// durable worker under its function name, as the Durable Functions extension does in Azure:
/// an activity's input deserialised to its trigger parameter's type and the method called on its
/// class made for the call; an orchestrator called with its context (and input, if it takes one).
/// </summary>
public static class DurableFunctions
{
    public static DurableTaskRegistry AddDurableFunctions(this DurableTaskRegistry registry, IEnumerable<DiscoveredFunction> functions, IServiceProvider services)
    {
        foreach (var function in functions)
        {
            switch (function.Trigger)
            {
                case OrchestrationTriggerAttribute:
                    var orchestrator = new FunctionOrchestrator(function, services);
                    registry.AddOrchestrator(function.Name, () => orchestrator);
                    break;
                case ActivityTriggerAttribute:
                    var invoker = new FunctionInvoker(function);
                    registry.AddActivity(function.Name, scoped => new FunctionActivity(invoker, scoped));
                    break;
            }
        }

        return registry;
    }

    private static Type OutputTypeOf(DiscoveredFunction function)
    {
        var returnType = function.Method.ReturnType;
        return returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0]
            : returnType == typeof(Task) || returnType == typeof(void) ? typeof(object)
            : returnType;
    }

    private sealed class FunctionActivity(FunctionInvoker invoker, IServiceProvider services) : ITaskActivity
    {
        public Type InputType => invoker.Function.TriggerParameter.ParameterType;

        public Type OutputType => OutputTypeOf(invoker.Function);

        public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
            invoker.InvokeAsync(new LocalInvocation(services, input, CancellationToken.None));
    }

    /// <summary>
    /// The input arrives untyped (as JSON), because a function that takes only its context names no
    /// input type; <see cref="FunctionOrchestrationContext"/> converts it when the function asks,
    /// as the Functions extension's context does.
    /// </summary>
    private sealed class FunctionOrchestrator : ITaskOrchestrator
    {
        private readonly DiscoveredFunction _function;
        private readonly IServiceProvider _services;
        private readonly FunctionInvoker _invoker;

        public FunctionOrchestrator(DiscoveredFunction function, IServiceProvider services)
        {
            if (!function.Method.IsStatic)
            {
                // An orchestrator replays; one made from services could hold state between replays.
                throw new InvalidOperationException($"Orchestrator {function.Name} is an instance method; the local host runs static orchestrators only.");
            }

            _function = function;
            _services = services;
            _invoker = new FunctionInvoker(function, parameter => invocation =>
                ((FunctionOrchestrationContext)invocation.TriggerValue!).InputAs(parameter.ParameterType));
        }

        public Type InputType => typeof(object);

        public Type OutputType => OutputTypeOf(_function);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            _invoker.InvokeAsync(new LocalInvocation(_services, new FunctionOrchestrationContext(context, input, _services), CancellationToken.None));
    }
}
