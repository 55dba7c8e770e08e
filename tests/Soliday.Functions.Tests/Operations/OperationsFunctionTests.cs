using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Curation;
using Soliday.Functions.Operations;
using Soliday.Operations;
using Soliday.Submissions;

namespace Soliday.Functions.Tests.Operations;

/// <summary>
/// The operations functions, called as the Functions host calls them, against storage that is not
/// there: a real storage client on a loopback port nothing listens on.
/// </summary>
public sealed class OperationsFunctionTests : IDisposable
{
    /// <summary>Azurite's published development account, on the discard port, where nothing answers.</summary>
    private const string UnreachableStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    private readonly ServiceProvider _services = BuildServices();

    [Fact]
    public async Task Health_answers_503_problem_details_naming_the_storage_it_cannot_reach()
    {
        var context = NewContext();

        await ExecuteAsync(await Functions().Health(context.Request), context);

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        var problem = JsonNode.Parse(ReadBody(context))!;
        Assert.Equal("Storage is unreachable", problem["title"]!.GetValue<string>());
        Assert.Equal(HealthEndpoints.Unreachable, problem["storage"]!["blobs"]!.GetValue<string>());
        Assert.Equal(HealthEndpoints.Unreachable, problem["storage"]!["queues"]!.GetValue<string>());
        Assert.DoesNotContain("AccountKey", ReadBody(context));
        Assert.DoesNotContain("127.0.0.1", ReadBody(context));
    }

    [Fact]
    public async Task Purging_history_is_refused_to_anyone_who_is_not_a_curator()
    {
        var context = NewContext();

        // The durable client is never reached: the caller is refused first.
        await ExecuteAsync(await Functions().PurgeHistory(context.Request, durable: null!), context);

        Assert.Equal((int)HttpStatusCode.Unauthorized, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    public void Dispose() => _services.Dispose();

    private OperationsFunctions Functions() =>
        new(_services.GetRequiredService<HealthEndpoints>(), _services.GetRequiredService<HistoryEndpoints>());

    private static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = UnreachableStorage,
            [$"{CurationOptions.Section}:{nameof(CurationOptions.LocalToken)}"] = "the-token",
            [$"{SolidayOptions.Section}:{nameof(SolidayOptions.Day)}"] = "2026-06-20",
            [$"{SubmissionOptions.Section}:{nameof(SubmissionOptions.SigningKey)}"] = Convert.ToBase64String(new byte[32]),
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSoliday()
            .BuildServiceProvider();
    }

    private DefaultHttpContext NewContext() => new() { RequestServices = _services, Response = { Body = new MemoryStream() } };

    private static Task ExecuteAsync(IActionResult result, HttpContext context) =>
        result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

    private static string ReadBody(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }
}
