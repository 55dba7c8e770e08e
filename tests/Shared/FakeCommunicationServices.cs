using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Soliday.Testing;

/// <summary>
/// Azure Communication Services Email and the platform's managed identity endpoint, on loopback: a real
/// Kestrel server speaking the documented shapes of
/// <list type="bullet">
/// <item>App Service's identity endpoint (<c>GET IDENTITY_ENDPOINT?resource=&amp;client_id=</c> with the
/// <c>X-IDENTITY-HEADER</c> secret), which the app's <c>ManagedIdentityCredential</c> asks for a token,
/// as it does in Azure Functions;</item>
/// <item>the Email API (<c>POST /emails:send?api-version=2023-03-31</c>, bearer token, JSON message;
/// <c>202</c> with the operation's id and <c>Operation-Location</c>).</item>
/// </list>
/// It accepts only the token it issued, and records each message it took.
/// </summary>
public sealed class FakeCommunicationServices : IAsyncDisposable
{
    public const string SenderAddress = "DoNotReply@soliday-test.azurecomm.net";
    public const string IdentityClientId = "6a1f7e2c-0b7d-4f3e-9c55-2d0e3f4a5b6c";

    private readonly WebApplication _app;
    private readonly string _identityHeader = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
    private readonly string _token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly ConcurrentQueue<AcsMessage> _messages = new();
    private readonly ConcurrentQueue<string> _tokenRequests = new();
    private readonly ConcurrentQueue<int> _sendAnswers = new();
    private int _refusals;
    private HttpStatusCode _refusal;

    private FakeCommunicationServices(WebApplication app)
    {
        _app = app;
        Address = app.Urls.Single().TrimEnd('/');
    }

    /// <summary><c>http://127.0.0.1:{port}</c>: the Communication Service's endpoint.</summary>
    public string Address { get; }

    /// <summary>What the app's process needs: ACS's endpoint and sender, and the platform's identity endpoint.</summary>
    public Dictionary<string, string> Settings => new()
    {
        ["Notifications__Acs__Endpoint"] = Address,
        ["Notifications__Acs__ClientId"] = IdentityClientId,
        ["Notifications__From"] = SenderAddress,
        ["IDENTITY_ENDPOINT"] = $"{Address}/msi/token",
        ["IDENTITY_HEADER"] = _identityHeader,
    };

    /// <summary>The token requests the identity endpoint answered: <c>resource=… client_id=…</c>.</summary>
    public IReadOnlyList<string> TokenRequests => [.. _tokenRequests];

    /// <summary>The status of every answer to a send, in order.</summary>
    public IReadOnlyList<int> SendAnswers => [.. _sendAnswers];

    public IReadOnlyList<AcsMessage> To(string address) =>
        [.. _messages.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public static async Task<FakeCommunicationServices> StartAsync()
    {
        var app = LoopbackServer.Create();
        FakeCommunicationServices? server = null;
        app.MapGet("/msi/token", (HttpContext context) => server!.Token(context));
        app.MapPost("/emails:send", (HttpContext context) => server!.SendAsync(context));
        await app.StartAsync();
        server = new FakeCommunicationServices(app);
        return server;
    }

    /// <summary>The next <paramref name="times"/> sends are refused with <paramref name="status"/> (403: the role not in effect yet).</summary>
    public void Refuse(int times, HttpStatusCode status)
    {
        _refusal = status;
        Interlocked.Exchange(ref _refusals, times);
    }

    public async Task<IReadOnlyList<AcsMessage>> WaitForAsync(string address, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (To(address).Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} message(s) for {address} did not reach the fake Communication Service; answers so far: {string.Join(", ", SendAnswers)}.");
            }

            await Task.Delay(200);
        }

        return To(address);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private IResult Token(HttpContext context)
    {
        if (context.Request.Headers["X-IDENTITY-HEADER"] != _identityHeader)
        {
            return Results.Json(new JsonObject { ["error"] = "invalid_request" }, statusCode: 400);
        }

        _tokenRequests.Enqueue($"resource={context.Request.Query["resource"]} client_id={context.Request.Query["client_id"]}");
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject
        {
            ["access_token"] = _token,
            ["expires_on"] = expires,
            ["resource"] = context.Request.Query["resource"].ToString(),
            ["token_type"] = "Bearer",
            ["client_id"] = context.Request.Query["client_id"].ToString(),
        });
    }

    /// <summary>A request delegate, which writes its answer itself (an <see cref="IResult"/> it returned would be dropped).</summary>
    private async Task SendAsync(HttpContext context)
    {
        var answer = await AnswerAsync(context);
        await answer.ExecuteAsync(context);
        _sendAnswers.Enqueue(context.Response.StatusCode);
    }

    private async Task<IResult> AnswerAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization != $"Bearer {_token}")
        {
            return Error(HttpStatusCode.Unauthorized, "InvalidAuthenticationInfo");
        }

        if (context.Request.Query["api-version"] != "2023-03-31")
        {
            return Error(HttpStatusCode.BadRequest, "UnsupportedApiVersion");
        }

        if (Interlocked.Decrement(ref _refusals) >= 0)
        {
            return Error(_refusal, "Denied");
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        var to = body?["recipients"]?["to"]?.AsArray().Select(r => r!["address"]!.GetValue<string>()).ToList();
        if (body?["senderAddress"]?.GetValue<string>() is not { } sender || body["content"]?["subject"]?.GetValue<string>() is not { } subject || to is not { Count: > 0 })
        {
            return Error(HttpStatusCode.BadRequest, "BadRequest");
        }

        var id = Guid.NewGuid().ToString();
        _messages.Enqueue(new AcsMessage(sender, to, subject, body["content"]?["plainText"]?.GetValue<string>() ?? "", body["userEngagementTrackingDisabled"]?.GetValue<bool>() ?? false));
        context.Response.Headers["Operation-Location"] = $"{Address}/emails/operations/{id}?api-version=2023-03-31";
        return Results.Json(new JsonObject { ["id"] = id, ["status"] = "Running" }, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>ACS's error shape; its message quotes nothing the app sent, but the app must not rely on that.</summary>
    private static IResult Error(HttpStatusCode status, string code) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = $"{code}." } }, statusCode: (int)status);
}

/// <summary>A message the fake Communication Service took.</summary>
public sealed record AcsMessage(string SenderAddress, IReadOnlyList<string> To, string Subject, string PlainText, bool TrackingDisabled);
