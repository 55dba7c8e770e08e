using System.Diagnostics;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Soliday.Local.Functions;

/// <summary>
/// Calls a <see cref="DiscoveredFunction"/> as the isolated worker does: its class made for the call
/// from the services (static methods need none), each parameter bound from its attribute or type,
/// the result awaited. Every parameter is bound when the host starts, so one the local host cannot
/// supply stops the start instead of failing the first call.
/// </summary>
public sealed class FunctionInvoker
{
    private const string HttpContextItem = "HttpRequestContext";

    private readonly DiscoveredFunction _function;
    private readonly IReadOnlyList<Func<LocalInvocation, LocalFunctionContext, object?>> _arguments;

    public FunctionInvoker(DiscoveredFunction function, Func<ParameterInfo, Func<LocalInvocation, object?>?>? bindOther = null)
    {
        _function = function;
        _arguments = function.Method.GetParameters().Select(p => Bind(function, p, bindOther)).ToList();
    }

    public DiscoveredFunction Function => _function;

    /// <summary>
    /// Logged under <c>Function.{name}</c> in the Functions host's own words ("Executing
    /// 'Functions.Submit'"), so a run reads the same on either host and shows which function answered.
    /// </summary>
    public async Task<object?> InvokeAsync(LocalInvocation invocation)
    {
        var context = new LocalFunctionContext(_function, invocation.Services, invocation.CancellationToken);
        if (invocation.Http is { } http)
        {
            // Where the ASP.NET Core integration keeps the request, so FunctionContext.GetHttpContext() finds it.
            context.Items[HttpContextItem] = http;
        }

        var logger = invocation.Services.GetRequiredService<ILoggerFactory>().CreateLogger($"Function.{_function.Name}");
        var started = Stopwatch.GetTimestamp();
        logger.LogInformation("Executing 'Functions.{FunctionName}' (Reason='{Trigger}', Id={InvocationId})", _function.Name, _function.Trigger.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal), context.InvocationId);
        try
        {
            var result = await CallAsync(invocation, context);
            logger.LogInformation("Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)", _function.Name, context.InvocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception)
        {
            logger.LogInformation("Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={Duration}ms)", _function.Name, context.InvocationId, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private async Task<object?> CallAsync(LocalInvocation invocation, LocalFunctionContext context)
    {
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

    private static Func<LocalInvocation, LocalFunctionContext, object?> Bind(
        DiscoveredFunction function, ParameterInfo parameter, Func<ParameterInfo, Func<LocalInvocation, object?>?>? bindOther)
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
