using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;

namespace Soliday.Local.Functions;

/// <summary>Which function an endpoint the local host mapped calls, for the parity test and for logs.</summary>
public sealed record FunctionEndpointMetadata(string FunctionName);

/// <summary>
/// Maps every <c>[HttpTrigger]</c> function at its route under host.json's prefix, for its methods,
/// and calls it as the Functions ASP.NET Core integration does: the request, route values bound to
/// parameters of the same name, the durable client; the <see cref="IActionResult"/> it returns
/// executed on the response.
/// </summary>
public static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder app, IEnumerable<DiscoveredFunction> functions, string routePrefix)
    {
        foreach (var function in functions)
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            if (trigger.AuthLevel != AuthorizationLevel.Anonymous)
            {
                // Function keys belong to the Functions host; serving the route without one would open what Azure guards.
                throw new InvalidOperationException($"Function {function.Name} needs authorization level {trigger.AuthLevel}; the local host has no function keys and maps only Anonymous HTTP triggers.");
            }

            var methods = trigger.Methods is { Length: > 0 }
                ? trigger.Methods.Select(m => m.ToUpperInvariant()).ToArray()
                : throw new InvalidOperationException($"Function {function.Name} names no HTTP methods; the local host maps only the methods a trigger names.");
            var route = trigger.Route ?? function.Name;
            var pattern = RoutePatternFactory.Parse(route);
            var invoker = new FunctionInvoker(function, parameter => BindHttp(parameter, pattern));
            app.MapMethods($"/{routePrefix}/{route}", methods, context => InvokeAsync(invoker, context))
                .WithMetadata(new FunctionEndpointMetadata(function.Name))
                .WithDisplayName(function.Name);
        }

        return app;
    }

    private static async Task InvokeAsync(FunctionInvoker invoker, HttpContext context)
    {
        var result = await invoker.InvokeAsync(new LocalInvocation(context.RequestServices, context.Request, context.RequestAborted, context));
        if (result is not IActionResult action)
        {
            throw new InvalidOperationException($"Function {invoker.Function.Name} returned {result?.GetType().Name ?? "nothing"}; an HTTP function returns an IActionResult.");
        }

        await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    /// <summary>Route values by parameter name, as the Functions host binds <c>{id}</c> to <c>string id</c>.</summary>
    private static Func<LocalInvocation, object?>? BindHttp(ParameterInfo parameter, RoutePattern route) =>
        parameter.ParameterType == typeof(HttpContext) ? invocation => invocation.Http
        : parameter.ParameterType == typeof(string) && route.GetParameter(parameter.Name!) is not null ? invocation => invocation.Http!.GetRouteValue(parameter.Name!)?.ToString()
        : null;
}
