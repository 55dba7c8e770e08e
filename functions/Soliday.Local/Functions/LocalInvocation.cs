namespace Soliday.Local.Functions;

/// <summary>What one call of a function is given: its services, its trigger's value, the request it serves if any.</summary>
public sealed record LocalInvocation(IServiceProvider Services, object? TriggerValue, CancellationToken CancellationToken, HttpContext? Http = null);
