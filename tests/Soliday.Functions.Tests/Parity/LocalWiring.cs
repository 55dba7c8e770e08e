using Soliday.Hashtags;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Soliday.Local.Functions;
using Soliday.Local.Hosting;
using Soliday.Web;

namespace Soliday.Functions.Tests.Parity;

/// <summary>
/// What Soliday.Local actually wires, read back from the endpoints it maps and the services it
/// registers (its own start-up code, without starting anything), each named by the function it calls.
/// </summary>
public sealed class LocalWiring : IDisposable
{
    private readonly WebApplication _app;

    public LocalWiring()
    {
        var builder = WebApplication.CreateBuilder();

        // As the local host's set-up fills it in when unset: the poll timer's %Hashtags:PollSchedule% must resolve.
        builder.Configuration[$"{HashtagOptions.Section}:{nameof(HashtagOptions.PollSchedule)}"] = HashtagTriggers.DefaultPollSchedule;
        builder.Services.AddSoliday();

        // The functions take a DurableTaskClient; an address is needed to build one, never to call it here.
        builder.Services.AddDurableTaskClient(client => client.UseGrpc("http://127.0.0.1:9"));
        builder.Services.AddFunctionTriggers(builder.Configuration);
        _app = builder.Build();
        _app.MapSoliday();
    }

    /// <summary>"Submit: POST submissions": every API endpoint the local host maps, without the <c>api/</c> prefix.</summary>
    public IReadOnlySet<string> HttpBindings()
    {
        var prefix = $"/{Routes.Prefix}/";
        return Endpoints()
            .Where(endpoint => !SolidayEndpoints.LocalOnlyRoutes.Contains(endpoint.RoutePattern.RawText!.TrimStart('/')))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                .Select(method => $"{endpoint.Metadata.GetMetadata<FunctionEndpointMetadata>()?.FunctionName ?? "(no function)"}: {method} {endpoint.RoutePattern.RawText!.Replace(prefix, "", StringComparison.Ordinal)}"))
            .ToHashSet();
    }

    public IReadOnlyList<RouteEndpoint> Endpoints() =>
        ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().ToList();

    public IReadOnlySet<string> QueueBindings() =>
        _app.Services.GetServices<LocalQueueListener>().Select(l => $"{l.FunctionName}: {l.QueueName}").ToHashSet();

    public IReadOnlySet<string> TimerBindings() =>
        _app.Services.GetServices<LocalTimer>().Select(t => $"{t.Name}: {t.DeclaredSchedule}").ToHashSet();

    public IReadOnlySet<string> Orchestrators() =>
        Registry().GetOrchestrators().Select(o => o.Key.Name).ToHashSet();

    public IReadOnlySet<string> Activities() =>
        Registry().GetActivities().Select(a => a.Key.Name).ToHashSet();

    public LocalQueueOptions QueueOptions => _app.Services.GetRequiredService<IOptions<LocalQueueOptions>>().Value;

    public void Dispose() => ((IDisposable)_app).Dispose();

    private DurableTaskRegistry Registry() => _app.Services.GetRequiredService<IOptionsMonitor<DurableTaskRegistry>>().Get(Options.DefaultName);
}
