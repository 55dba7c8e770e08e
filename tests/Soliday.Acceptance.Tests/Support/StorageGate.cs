using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// Stands between an app and a real Azurite (blob or queue service) and answers, while closed, as
/// Azure Storage does for an identity whose role is not yet in effect: 403
/// <c>AuthorizationPermissionMismatch</c>, for everything but the durable engine's own task hub
/// (in Azure that is the Functions host's business, and locally it must run for the host to start).
/// Once <see cref="Open"/>, every request is passed on unchanged (Shared Key signatures do not
/// cover the host name, so they stay valid).
/// </summary>
public sealed class StorageGate : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase) { "Host", "Transfer-Encoding", "Connection" };

    private readonly WebApplication _app;
    private readonly HttpClient _azurite;
    private readonly string _taskHub;
    private volatile bool _open;
    private int _refused;

    private StorageGate(WebApplication app, HttpClient azurite, string taskHub)
    {
        _app = app;
        _azurite = azurite;
        _taskHub = taskHub.ToLowerInvariant();
    }

    public int Port => new Uri(_app.Urls.Single()).Port;

    /// <summary>Requests refused so far: the test can tell the app really did try while it was closed.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static async Task<StorageGate> StartAsync(int azuritePort, string taskHub)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null; // photos pass through
        });
        var app = builder.Build();
        var azurite = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{azuritePort}"),
            Timeout = TimeSpan.FromMinutes(2),
        };
        var gate = new StorageGate(app, azurite, taskHub);
        app.Run(gate.HandleAsync);
        await app.StartAsync();
        return gate;
    }

    /// <summary>From now on the app's identity "has its role": everything passes.</summary>
    public void Open() => _open = true;

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _azurite.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!_open && !IsTaskHubs(context.Request.Path))
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.Headers["x-ms-error-code"] = "AuthorizationPermissionMismatch";
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>AuthorizationPermissionMismatch</Code>" +
                "<Message>This request is not authorized to perform this operation using this permission.</Message></Error>");
            return;
        }

        await ForwardAsync(context);
    }

    /// <summary>
    /// The engine's containers and queues (<c>{hub}-control-00</c>, <c>{hub}-workitems</c>,
    /// <c>{hub}-leases</c>...) and account-wide calls (listing them), which Soliday itself never makes.
    /// </summary>
    private bool IsTaskHubs(PathString path)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments.Length >= 1 && segments[0] == Account
            && (segments.Length == 1 || segments[1].StartsWith(_taskHub, StringComparison.Ordinal));
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), $"{context.Request.Path}{context.Request.QueryString}");
        if (context.Request.ContentLength > 0 || context.Request.Headers.ContainsKey("Transfer-Encoding"))
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (NotForwarded.Contains(name))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string>)values);
            }
        }

        using var response = await _azurite.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!NotForwarded.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
