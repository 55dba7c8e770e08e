using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Curation;
using Soliday.Functions.Curation;
using Soliday.Functions.Hashtags;
using Soliday.Functions.Submissions;
using Soliday.Functions.Web;
using Soliday.Hashtags;
using Soliday.Submissions;

namespace Soliday.Functions.Tests.Functions;

/// <summary>
/// The function classes, called as the Functions host calls them, and their results executed as
/// its ASP.NET Core integration executes them.
/// </summary>
public sealed class FunctionClassTests : IDisposable
{
    private readonly ServiceProvider _services = BuildServices();

    [Fact]
    public async Task The_form_function_answers_with_the_form_page()
    {
        var functions = new SubmissionFunctions(_services.GetRequiredService<SubmissionEndpoints>(), _services.GetRequiredService<SubmissionSteps>());
        var context = NewContext();

        await ExecuteAsync(await functions.SubmitForm(context.Request), context);

        Assert.Equal((int)HttpStatusCode.OK, context.Response.StatusCode);
        Assert.StartsWith("text/html", context.Response.ContentType);
        Assert.Contains("<form method=\"post\" action=\"/api/submissions\"", ReadBody(context));
    }

    [Fact]
    public async Task The_curation_queue_function_refuses_a_caller_without_the_token()
    {
        var functions = new CurationFunctions(_services.GetRequiredService<CurationEndpoints>(), _services.GetRequiredService<CurationSteps>());
        var context = NewContext();

        // The durable client is never reached: the caller is refused first.
        await ExecuteAsync(await functions.Queue(context.Request, durable: null!), context);

        Assert.Equal((int)HttpStatusCode.Unauthorized, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task The_webhook_function_refuses_an_unsigned_post_with_401_before_reading_it()
    {
        var functions = new HashtagFunctions(
            _services.GetRequiredService<MastodonPoller>(), _services.GetRequiredService<HashtagIngestion>(),
            _services.GetRequiredService<HashtagWebhook>(), _services.GetRequiredService<SourcePostCheck>());
        var context = NewContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream("""{"source":"bluesky","id":"1","url":"https://bsky.example/p/1","text":"Hi"}"""u8.ToArray());

        // No storage is reachable here: a refusal that needed it would throw instead of answering.
        await ExecuteAsync(await functions.ReceivePost(context.Request), context);

        Assert.Equal((int)HttpStatusCode.Unauthorized, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("Soliday-Signature", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task The_asset_function_serves_the_stylesheet()
    {
        var context = NewContext();

        await ExecuteAsync(AssetFunctions.Asset(context.Request, "site.css"), context);

        Assert.Equal((int)HttpStatusCode.OK, context.Response.StatusCode);
        Assert.StartsWith("text/css", context.Response.ContentType);
        Assert.Contains(":root", ReadBody(context));
    }

    public void Dispose() => _services.Dispose();

    private static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = "UseDevelopmentStorage=true",
            [$"{CurationOptions.Section}:{nameof(CurationOptions.LocalToken)}"] = "the-token",
            [$"{SolidayOptions.Section}:{nameof(SolidayOptions.Day)}"] = "2026-06-20",
            [$"{SubmissionOptions.Section}:{nameof(SubmissionOptions.SigningKey)}"] = Convert.ToBase64String(new byte[32]),
            ["Site:PublicUrl"] = "https://soliday.example/site/",
            [$"{HashtagOptions.Section}:{nameof(HashtagOptions.WebhookSecret)}"] = "a-long-shared-secret-for-the-function-tests",
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
