using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Soliday.Functions.Web;

namespace Soliday.Local.Functions;

/// <summary>
/// Every <c>[Function]</c> method of the Functions app, read from its attributes as the Functions
/// build reads them to write <c>functions.metadata</c>. The local host binds these and nothing
/// else: no route, queue or schedule is written a second time.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>The assembly Azure runs; any type of it finds it.</summary>
    public static Assembly FunctionsAssembly { get; } = typeof(HttpResultAction).Assembly;

    public static IReadOnlyList<DiscoveredFunction> All { get; } = Discover(FunctionsAssembly);

    public static IEnumerable<DiscoveredFunction> With<TTrigger>()
        where TTrigger : Attribute =>
        All.Where(function => function.Trigger is TTrigger);

    public static IReadOnlyList<DiscoveredFunction> Discover(Assembly assembly) => Discover(assembly.GetTypes());

    public static IReadOnlyList<DiscoveredFunction> Discover(IEnumerable<Type> types) =>
        (from type in types
         from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
         let function = method.GetCustomAttribute<FunctionAttribute>()
         where function is not null
         orderby function.Name
         select new DiscoveredFunction(function.Name, method, TriggerOf(method))).ToList();

    /// <summary>Exactly one trigger a function, as the Functions host requires.</summary>
    private static Attribute TriggerOf(MethodInfo method)
    {
        var triggers = method.GetParameters()
            .SelectMany(p => p.GetCustomAttributes())
            .Where(a => a is HttpTriggerAttribute or QueueTriggerAttribute or TimerTriggerAttribute or OrchestrationTriggerAttribute or ActivityTriggerAttribute)
            .ToList();
        return triggers.Count == 1
            ? triggers[0]
            : throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} has {triggers.Count} triggers the local host knows; it binds functions with exactly one HTTP, queue, timer, orchestration or activity trigger.");
    }
}

/// <summary>One <c>[Function]</c> method and its trigger attribute.</summary>
public sealed record DiscoveredFunction(string Name, MethodInfo Method, Attribute Trigger)
{
    public ParameterInfo TriggerParameter =>
        Method.GetParameters().Single(p => p.GetCustomAttributes().Contains(Trigger));
}
