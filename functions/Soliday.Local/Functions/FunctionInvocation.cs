using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Soliday.Local.Functions;

/// <summary>What one call of a function is given: its services, its trigger's value, the request it serves if any.</summary>
public sealed record FunctionInvocation(IServiceProvider Services, object? TriggerValue, CancellationToken CancellationToken, HttpContext? Http = null);

/// <summary>
/// Calls a <see cref="DiscoveredFunction"/> as the isolated worker does: its class made for the call
/// from the services (static methods need none), each parameter bound from its attribute or type,
/// the result awaited. Every parameter is bound when the host starts, so one the local host cannot
/// supply stops the start instead of failing the first call.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly DiscoveredFunction _function;
    private readonly IReadOnlyList<Func<FunctionInvocation, LocalFunctionContext, object?>> _arguments;

    public FunctionInvoker(DiscoveredFunction function, Func<ParameterInfo, Func<FunctionInvocation, object?>?>? bindOther = null)
    {
        _function = function;
        _arguments = function.Method.GetParameters().Select(p => Bind(function, p, bindOther)).ToList();
    }

    public DiscoveredFunction Function => _function;

    public async Task<object?> InvokeAsync(FunctionInvocation invocation)
    {
        var context = new LocalFunctionContext(_function, invocation.Services, invocation.CancellationToken);
        var target = _function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(invocation.Services, _function.Method.DeclaringType!);
        object? returned;
        try
        {
            returned = _function.Method.Invoke(target, _arguments.Select(argument => argument(invocation, context)).ToArray());
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        var returnType = _function.Method.ReturnType;
        return returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? returnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
            : null;
    }

    private static Func<FunctionInvocation, LocalFunctionContext, object?> Bind(
        DiscoveredFunction function, ParameterInfo parameter, Func<ParameterInfo, Func<FunctionInvocation, object?>?>? bindOther)
    {
        if (parameter.GetCustomAttributes().Contains(function.Trigger))
        {
            return (invocation, _) => invocation.TriggerValue;
        }

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            return (invocation, _) => invocation.Services.GetRequiredService<DurableTaskClient>();
        }

        if (parameter.ParameterType == typeof(FunctionContext))
        {
            return (_, context) => context;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return (invocation, _) => invocation.CancellationToken;
        }

        if (bindOther?.Invoke(parameter) is { } other)
        {
            return (invocation, _) => other(invocation);
        }

        throw new InvalidOperationException(
            $"The local host cannot bind parameter '{parameter.Name}' ({parameter.ParameterType.Name}) of function {function.Name}; teach Soliday.Local/Functions to bind it as the Functions host does.");
    }
}
