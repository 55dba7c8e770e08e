using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Hashtags;
using Soliday.Functions.Web;
using Soliday.Local.Functions;
using Soliday.Local.Hosting;

namespace Soliday.Functions.Tests.LocalHost;

/// <summary>
/// How the local host binds a function it finds: what it cannot bind as the Functions host would,
/// it refuses when it starts, by name, instead of serving something Azure would not.
/// </summary>
public sealed class FunctionBindingTests
{
    [Fact]
    public void An_HTTP_function_that_needs_a_function_key_is_refused_not_served_openly()
    {
        var app = WebApplication.CreateBuilder().Build();

        var refusal = Assert.Throws<InvalidOperationException>(() => app.MapHttpFunctions(Functions(nameof(Guarded.Secret)), "api"));

        Assert.Contains("GuardedSecret", refusal.Message);
        Assert.Contains("Anonymous", refusal.Message);
    }

    [Fact]
    public void A_parameter_the_local_host_cannot_bind_stops_the_start_naming_it()
    {
        var app = WebApplication.CreateBuilder().Build();

        var refusal = Assert.Throws<InvalidOperationException>(() => app.MapHttpFunctions(Functions(nameof(Guarded.Unbindable)), "api"));

        Assert.Contains("'notInRoute'", refusal.Message);
        Assert.Contains("GuardedUnbindable", refusal.Message);
    }

    [Theory]
    [InlineData("*/15 * * * * *", 15)]
    [InlineData("0 */5 * * * *", 300)]
    [InlineData("0 0 * * * *", 3600)]
    [InlineData("00:00:30", 30)]
    public void A_timer_fires_at_the_interval_its_schedule_repeats_at(string schedule, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), TimerSchedule.IntervalOf(schedule));
    }

    [Theory]
    [InlineData("0 30 9 * * *")]
    [InlineData("*/15 * * * * 1-5")]
    [InlineData("every quarter hour")]
    public void A_schedule_that_is_not_a_fixed_interval_is_refused_rather_than_run_at_another_time(string schedule)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => TimerSchedule.IntervalOf(schedule));

        Assert.Contains(schedule, refusal.Message);
    }

    [Fact]
    public void A_setting_named_in_a_trigger_is_read_from_configuration_as_an_app_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Queues:Intake"] = "intake-queue" }).Build();

        Assert.Equal("intake-queue", SettingExpression.Resolve("%Queues__Intake%", configuration));
        Assert.Equal("hashtag-posts", SettingExpression.Resolve("hashtag-posts", configuration));
        Assert.Throws<InvalidOperationException>(() => SettingExpression.Resolve("%Missing%", configuration));
    }

    [Fact]
    public void A_timer_and_a_queue_named_by_settings_are_bound_to_what_the_settings_say()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Schedules:Sweep"] = "*/5 * * * * *",
            ["Queues:Intake"] = "intake-queue",
        }).Build();

        var timer = TimerFunctions.TimerFor(Functions(nameof(Guarded.Sweep)).Single(), configuration);
        var listener = QueueFunctions.ListenerFor(Functions(nameof(Guarded.Intake)).Single(), configuration);

        Assert.Equal(("GuardedSweep", "*/5 * * * * *"), (timer.Name, timer.Schedule));
        Assert.Equal(("GuardedIntake", "intake-queue"), (listener.FunctionName, listener.QueueName));
    }

    [Fact]
    public void The_Mastodon_poll_timer_runs_on_the_schedule_its_setting_gives_and_a_minute_without_one()
    {
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hashtags:PollSchedule"] = "0 */5 * * * *" }).Build();
        var poll = FunctionCatalog.All.Single(f => f.Name == HashtagTriggers.PollMastodon);

        var timer = TimerFunctions.TimerFor(poll, configured);
        var unset = () => TimerFunctions.TimerFor(poll, new ConfigurationBuilder().Build());

        Assert.Equal(("0 */5 * * * *", "%Hashtags:PollSchedule%"), (timer.Schedule, timer.DeclaredSchedule));
        Assert.Equal(TimeSpan.FromMinutes(5), TimerSchedule.IntervalOf(timer.Schedule));
        Assert.Contains("Hashtags:PollSchedule", Assert.Throws<InvalidOperationException>(unset).Message.Replace("__", ":", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMinutes(1), TimerSchedule.IntervalOf(HashtagTriggers.DefaultPollSchedule));
    }

    [Theory]
    [InlineData("AzureWebJobs.PollMastodon.Disabled")]
    [InlineData("AzureWebJobs:PollMastodon:Disabled")]
    public void A_function_switched_off_by_its_Disabled_setting_gets_no_timer_while_the_others_keep_theirs(string setting)
    {
        var bound = TimersBoundWith(new Dictionary<string, string?> { [setting] = "true" });
        var unset = TimersBoundWith([]);

        Assert.Contains(HashtagTriggers.PollMastodon, unset);
        Assert.DoesNotContain(HashtagTriggers.PollMastodon, bound);
        Assert.Equal(unset.Where(name => name != HashtagTriggers.PollMastodon), bound);
    }

    [Fact]
    public void A_Disabled_setting_of_false_leaves_the_function_bound()
    {
        Assert.Contains(HashtagTriggers.PollMastodon, TimersBoundWith(new Dictionary<string, string?> { ["AzureWebJobs.PollMastodon.Disabled"] = "false" }));
    }

    [Fact]
    public void A_disabled_HTTP_function_is_left_out_of_what_the_host_binds()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobs.GuardedDescribed.Disabled"] = "true" }).Build();

        var bound = Functions(nameof(Guarded.Described)).Concat(Functions(nameof(Guarded.Sweep))).Enabled(configuration).Select(f => f.Name);

        Assert.Equal(["GuardedSweep"], bound);
    }

    /// <summary>The timers the local host's own wiring registers for the Functions app under these settings.</summary>
    private static List<string> TimersBoundWith(Dictionary<string, string?> settings)
    {
        // The poll schedule as the local host's set-up fills it in when unset.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hashtags:PollSchedule"] = HashtagTriggers.DefaultPollSchedule }).Build();
        var services = new ServiceCollection();
        services.AddFunctionTriggers(configuration);
        return [.. services.Where(d => d.ServiceType == typeof(LocalTimer)).Select(d => ((LocalTimer)d.ImplementationInstance!).Name).Order()];
    }

    [Fact]
    public void A_queue_message_taken_as_anything_but_text_is_refused()
    {
        var configuration = new ConfigurationBuilder().Build();

        var refusal = Assert.Throws<InvalidOperationException>(() => QueueFunctions.ListenerFor(Functions(nameof(Guarded.Numbered)).Single(), configuration));

        Assert.Contains("GuardedNumbered", refusal.Message);
    }

    [Fact]
    public async Task A_function_gets_a_context_naming_it_with_the_request_and_the_route_value()
    {
        var app = WebApplication.CreateBuilder().Build();
        app.MapHttpFunctions(Functions(nameof(Guarded.Described)), "api");
        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().Single();
        var http = new DefaultHttpContext { RequestServices = app.Services, Response = { Body = new MemoryStream() } };
        http.Request.Path = "/api/items/42";
        http.Request.RouteValues["id"] = "42";

        await endpoint.RequestDelegate!(http);

        http.Response.Body.Position = 0;
        Assert.Equal("/api/items/{id}", endpoint.RoutePattern.RawText);
        Assert.Equal("GuardedDescribed /api/items/42 42", await new StreamReader(http.Response.Body).ReadToEndAsync());
    }

    private static IReadOnlyList<DiscoveredFunction> Functions(string method) =>
        FunctionCatalog.Discover([typeof(Guarded)]).Where(f => f.Method.Name == method).ToList();

    /// <summary>Functions the local host must refuse, or bind from settings.</summary>
    private static class Guarded
    {
        [Function("GuardedSecret")]
        public static IActionResult Secret([HttpTrigger(AuthorizationLevel.Function, "get", Route = "secret")] HttpRequest request) => new OkResult();

        [Function("GuardedUnbindable")]
        public static IActionResult Unbindable([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}")] HttpRequest request, string id, string notInRoute) => new OkResult();

        [Function("GuardedDescribed")]
        public static IActionResult Described([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "items/{id}")] HttpRequest request, string id, FunctionContext context) =>
            Results.Text($"{context.FunctionDefinition.Name} {context.GetHttpContext()!.Request.Path} {id}").AsAction();

        [Function("GuardedSweep")]
        public static Task Sweep([TimerTrigger("%Schedules:Sweep%")] TimerInfo timer) => Task.CompletedTask;

        [Function("GuardedIntake")]
        public static Task Intake([QueueTrigger("%Queues:Intake%")] string message) => Task.CompletedTask;

        [Function("GuardedNumbered")]
        public static Task Numbered([QueueTrigger("numbers")] int message) => Task.CompletedTask;
    }
}
