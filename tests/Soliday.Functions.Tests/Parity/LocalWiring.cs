using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Local.Durable;
using Soliday.Local.Hosting;
using Soliday.Web;

namespace Soliday.Functions.Tests.Parity;

/// <summary>What Soliday.Local wires, read from its own registration code, without starting anything.</summary>
public static class LocalWiring
{
    /// <summary>"POST submissions": every API route the local host maps, without the <c>api/</c> prefix.</summary>
    public static IReadOnlySet<string> HttpRoutes()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSoliday();

        // The endpoints take a DurableTaskClient; an address is needed to build one, never to call it here.
        builder.Services.AddDurableTaskClient(client => client.UseGrpc("http://127.0.0.1:9"));
        var app = builder.Build();
        app.MapSoliday();

        var prefix = $"/{Routes.Prefix}/";
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(endpoint => !LocalEndpoints.LocalOnlyRoutes.Contains(endpoint.RoutePattern.RawText!.TrimStart('/')))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{method} {endpoint.RoutePattern.RawText!.Replace(prefix, "", StringComparison.Ordinal)}"))
            .ToHashSet();
    }

    public static IReadOnlySet<string> Orchestrators() =>
        new DurableTaskRegistry().AddSolidayWorkflow().GetOrchestrators().Select(o => o.Key.Name).ToHashSet();

    public static IReadOnlySet<string> Activities() =>
        new DurableTaskRegistry().AddSolidayWorkflow().GetActivities().Select(a => a.Key.Name).ToHashSet();

    public static IReadOnlySet<string> QueueNames() => LocalQueueListeners.QueueNames;

    public static IReadOnlySet<string> Timers() => LocalTimers.Names;
}
