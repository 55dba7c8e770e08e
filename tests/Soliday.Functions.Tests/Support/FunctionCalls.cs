using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Hashtags;
using Soliday.Submissions;

namespace Soliday.Functions.Tests.Support;

/// <summary>
/// Soliday's services as the Functions app registers them, and a function's HTTP result executed as
/// the host's ASP.NET Core integration executes it: what the function classes are called with.
/// </summary>
public sealed class FunctionCalls(string storageConnection) : IDisposable
{
    public ServiceProvider Services { get; } = Build(storageConnection);

    public DefaultHttpContext NewContext() => new() { RequestServices = Services, Response = { Body = new MemoryStream() } };

    public static Task ExecuteAsync(IActionResult result, HttpContext context) =>
        result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));

    public static string ReadBody(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    public void Dispose() => Services.Dispose();

    private static ServiceProvider Build(string storageConnection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [SolidayServiceCollectionExtensions.StorageConnectionKey] = storageConnection,
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
}
