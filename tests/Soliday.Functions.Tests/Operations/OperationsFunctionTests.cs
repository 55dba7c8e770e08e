using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Functions.Operations;
using Soliday.Operations;

using Soliday.Functions.Tests.Support;

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

    private readonly FunctionCalls _calls = new(UnreachableStorage);

    [Fact]
    public async Task Health_answers_503_problem_details_naming_the_storage_it_cannot_reach()
    {
        var context = _calls.NewContext();

        await FunctionCalls.ExecuteAsync(await Functions().Health(context.Request), context);

        Assert.Equal((int)HttpStatusCode.ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        var problem = JsonNode.Parse(FunctionCalls.ReadBody(context))!;
        Assert.Equal("Storage is unreachable", problem["title"]!.GetValue<string>());
        Assert.Equal(HealthEndpoint.Unreachable, problem["storage"]!["blobs"]!.GetValue<string>());
        Assert.Equal(HealthEndpoint.Unreachable, problem["storage"]!["queues"]!.GetValue<string>());
        Assert.DoesNotContain("AccountKey", FunctionCalls.ReadBody(context));
        Assert.DoesNotContain("127.0.0.1", FunctionCalls.ReadBody(context));
    }

    [Fact]
    public async Task Purging_history_is_refused_to_anyone_who_is_not_a_curator()
    {
        var context = _calls.NewContext();

        // The durable client is never reached: the caller is refused first.
        await FunctionCalls.ExecuteAsync(await Functions().PurgeHistory(context.Request, durable: null!), context);

        Assert.Equal((int)HttpStatusCode.Unauthorized, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    public void Dispose() => _calls.Dispose();

    private OperationsFunctions Functions() =>
        new(_calls.Services.GetRequiredService<HealthEndpoint>(), _calls.Services.GetRequiredService<PurgeHistoryEndpoint>());
}
