using System.Reflection;
using DurableTask.Core;

namespace Soliday.Local.Durable;

/// <summary>Signals when the sidecar has started and stopped the orchestration service.</summary>
public sealed class EngineLifecycle
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Stopped { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Passes every call through to the Azure Storage orchestration service, mending how it meets the
/// sidecar (TaskHubGrpcServer 0.2.3-preview.1) at start and stop:
/// <list type="bullet">
/// <item>Its LockNext* methods return null when cancelled, but the sidecar's dispatch loop ends only
/// on <see cref="OperationCanceledException"/>: without this it spins at full CPU and never stops,
/// never releasing its partition leases. "Null because cancelled" is turned into that exception.</item>
/// <item>The sidecar starts and stops the service from callbacks nobody awaits; this reports both,
/// so shutdown can wait for the leases to be released.</item>
/// <item>Stopping a service that never started throws NullReferenceException inside that callback,
/// which would end the process; that stop is skipped.</item>
/// </list>
/// </summary>
public class ObservedOrchestrationService : DispatchProxy
{
    private IOrchestrationService _inner = null!;
    private EngineLifecycle _lifecycle = null!;

    public static IOrchestrationService Wrap(IOrchestrationService inner, EngineLifecycle lifecycle)
    {
        var proxy = Create<IOrchestrationService, ObservedOrchestrationService>();
        var observed = (ObservedOrchestrationService)(object)proxy;
        observed._inner = inner;
        observed._lifecycle = lifecycle;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (method.Name == nameof(IOrchestrationService.StopAsync) && !_lifecycle.Started.Task.IsCompletedSuccessfully)
        {
            _lifecycle.Stopped.TrySetResult();
            return Task.CompletedTask;
        }

        object? result;
        try
        {
            result = method.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        return method.Name switch
        {
            nameof(IOrchestrationService.LockNextTaskOrchestrationWorkItemAsync) =>
                ThrowIfCancelledEmpty((Task<TaskOrchestrationWorkItem>)result!, (CancellationToken)args![^1]!),
            nameof(IOrchestrationService.LockNextTaskActivityWorkItem) =>
                ThrowIfCancelledEmpty((Task<TaskActivityWorkItem>)result!, (CancellationToken)args![^1]!),
            nameof(IOrchestrationService.StartAsync) => Report((Task)result!, _lifecycle.Started),
            nameof(IOrchestrationService.StopAsync) => Report((Task)result!, _lifecycle.Stopped),
            _ => result,
        };
    }

    private static async Task<T> ThrowIfCancelledEmpty<T>(Task<T> lockNext, CancellationToken cancellationToken)
        where T : class
    {
        var item = await lockNext;
        cancellationToken.ThrowIfCancellationRequested();
        return item;
    }

    private static async Task Report(Task operation, TaskCompletionSource done)
    {
        try
        {
            await operation;
            done.TrySetResult();
        }
        catch (Exception e)
        {
            done.TrySetException(e);
            throw;
        }
    }
}
