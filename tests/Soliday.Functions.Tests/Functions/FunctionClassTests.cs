using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Curation;
using Soliday.Functions.Curation;
using Soliday.Functions.Hashtags;
using Soliday.Functions.Submissions;
using Soliday.Functions.Web;
using Soliday.Hashtags;
using Soliday.Hashtags.Bluesky;
using Soliday.Submissions;

using Soliday.Functions.Tests.Support;

namespace Soliday.Functions.Tests.Functions;

/// <summary>
/// The function classes, called as the Functions host calls them, and their results executed as
/// its ASP.NET Core integration executes them.
/// </summary>
public sealed class FunctionClassTests : IDisposable
{
    private readonly FunctionCalls _calls = new("UseDevelopmentStorage=true");

    [Fact]
    public async Task The_form_function_answers_with_the_form_page()
    {
        var functions = ActivatorUtilities.CreateInstance<SubmissionFunctions>(_calls.Services);
        var context = _calls.NewContext();

        await FunctionCalls.ExecuteAsync(await functions.SubmitForm(context.Request), context);

        Assert.Equal((int)HttpStatusCode.OK, context.Response.StatusCode);
        Assert.StartsWith("text/html", context.Response.ContentType);
        Assert.Contains("<form method=\"post\" action=\"/api/submissions\"", FunctionCalls.ReadBody(context));
    }

    [Fact]
    public async Task The_curation_queue_function_refuses_a_caller_without_the_token()
    {
        var functions = ActivatorUtilities.CreateInstance<CurationFunctions>(_calls.Services);
        var context = _calls.NewContext();

        // The durable client is never reached: the caller is refused first.
        await FunctionCalls.ExecuteAsync(await functions.Queue(context.Request, durable: null!), context);

        Assert.Equal((int)HttpStatusCode.Unauthorized, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task The_webhook_function_refuses_an_unsigned_post_with_401_before_reading_it()
    {
        var functions = HashtagFunctions();
        var context = _calls.NewContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream("""{"source":"bluesky","id":"1","url":"https://bsky.example/p/1","text":"Hi"}"""u8.ToArray());

        // No storage is reachable here: a refusal that needed it would throw instead of answering.
        await FunctionCalls.ExecuteAsync(await functions.ReceivePost(context.Request), context);

        Assert.Equal((int)HttpStatusCode.Unauthorized, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal("Soliday-Signature", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task The_Bluesky_poll_function_with_no_account_configured_sends_nothing_and_reads_no_storage()
    {
        // No storage is reachable here, nor any Bluesky service: reaching either would throw.
        await HashtagFunctions().PollBluesky(new TimerInfo(), CancellationToken.None);

        Assert.False(_calls.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HashtagOptions>>().Value.Bluesky.IsConfigured);
    }

    [Fact]
    public async Task The_asset_function_serves_the_stylesheet()
    {
        var context = _calls.NewContext();

        await FunctionCalls.ExecuteAsync(AssetFunctions.Asset(context.Request, "site.css"), context);

        Assert.Equal((int)HttpStatusCode.OK, context.Response.StatusCode);
        Assert.StartsWith("text/css", context.Response.ContentType);
        Assert.Contains(":root", FunctionCalls.ReadBody(context));
    }

    public void Dispose() => _calls.Dispose();

    private HashtagFunctions HashtagFunctions() => new(
        _calls.Services.GetRequiredService<MastodonPoller>(), _calls.Services.GetRequiredService<BlueskyPoller>(), _calls.Services.GetRequiredService<HashtagIngestion>(),
        _calls.Services.GetRequiredService<HashtagWebhook>());
}
