using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace Soliday.Local.Functions;

/// <summary>
/// The <see cref="FunctionContext"/> a function is given locally: its invocation id, its name and
/// definition, the call's services (and so <c>GetLogger</c>) and cancellation. Bindings and retries
/// belong to the Functions host and are not modelled.
/// </summary>
public sealed class LocalFunctionContext(DiscoveredFunction function, IServiceProvider services, CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => function.Name;

    public override TraceContext TraceContext => throw new NotSupportedException("The local host has no Functions trace context; Soliday's spans come from its own ActivitySource.");

    public override BindingContext BindingContext => throw new NotSupportedException("The local host binds parameters itself; there is no binding context.");

    public override RetryContext RetryContext => throw new NotSupportedException("The local host has no retry policies beyond the queue's.");

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition { get; } = new LocalFunctionDefinition(function);

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException("The local host has no invocation features.");

    public override CancellationToken CancellationToken => cancellationToken;

    private sealed class LocalFunctionDefinition(DiscoveredFunction function) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters { get; } =
            [.. function.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];

        public override string PathToAssembly => function.Method.DeclaringType!.Assembly.Location;

        public override string EntryPoint => $"{function.Method.DeclaringType!.FullName}.{function.Method.Name}";

        public override string Id => function.Name;

        public override string Name => function.Name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}
