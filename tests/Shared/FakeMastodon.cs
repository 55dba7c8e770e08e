using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Soliday.Testing;

/// <summary>
/// A Mastodon server on loopback: a real Kestrel server speaking the documented REST API shape of
/// <c>GET /api/v1/timelines/tag/:hashtag</c> (statuses newest first; <c>since_id</c>, <c>max_id</c>,
/// <c>min_id</c>, <c>limit</c>; <c>Link</c> and <c>X-RateLimit-*</c> headers; <c>429</c> with
/// <c>Retry-After</c> when told to) and <c>GET /api/v1/statuses/:id</c> (<c>404</c> once deleted),
/// plus media files it can serve well, too big, slowly, or as redirects. It records every request.
/// </summary>
public sealed class FakeMastodon : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<FakeStatus> _statuses = [];
    private readonly HashSet<string> _unlisted = [];
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _media = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private long _nextId = 110_000_000_000_000_000;
    private int _tooManyRequests;
    private int _retryAfterSeconds;

    private FakeMastodon(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The server's address as configured in Soliday: no trailing slash.</summary>
    public string Address => BaseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>Statuses per page at most, whatever <c>limit</c> asks: small, to make a client page.</summary>
    public int PageSize { get; set; } = 40;

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    public IReadOnlyList<FakeRequest> TimelineRequests => [.. _requests.Where(r => r.Path.StartsWith("/api/v1/timelines/tag/", StringComparison.Ordinal))];

    public static async Task<FakeMastodon> StartAsync()
    {
        var app = LoopbackServer.Create();
        FakeMastodon? server = null;
        app.Use(async (context, next) =>
        {
            var at = DateTimeOffset.UtcNow;
            try
            {
                await next(context);
            }
            finally
            {
                server!._requests.Enqueue(new FakeRequest(context.Request.Path, context.Request.QueryString.Value ?? "", at, context.Response.StatusCode));
            }
        });
        app.MapGet("/api/v1/timelines/tag/{tag}", (HttpContext context) => server!.TimelineAsync(context));
        app.MapGet("/api/v1/statuses/{id}", (HttpContext context, string id) => server!.StatusAsync(context, id));
        app.MapGet("/@{user}/{id}", (HttpContext context, string id) => server!.StatusPageAsync(context, id));
        app.MapGet("/media/{name}", (HttpContext context, string name) => server!._media.TryGetValue(name, out var serve) ? serve(context) : NotFound(context));
        await app.StartAsync();
        server = new FakeMastodon(app);
        return server;
    }

    /// <summary>Posts a status with the hashtag, newer than every status before it.</summary>
    public FakeStatus Post(string contentHtml, string username = "alice", string? displayName = "Alice Example", DateTimeOffset? createdAt = null, params FakeAttachment[] media) =>
        Add(contentHtml, username, displayName, createdAt, listed: true, media);

    /// <summary>
    /// Posts a status that the hashtag timeline leaves out until <see cref="List"/> (its own
    /// addresses answer at once): lets a test decide when a poller can first see it.
    /// </summary>
    public FakeStatus PostUnlisted(string contentHtml, string username = "alice", string? displayName = "Alice Example", DateTimeOffset? createdAt = null, params FakeAttachment[] media) =>
        Add(contentHtml, username, displayName, createdAt, listed: false, media);

    /// <summary>Lets the timeline show these statuses, all in the same instant.</summary>
    public void List(params FakeStatus[] statuses)
    {
        lock (_statuses)
        {
            foreach (var status in statuses)
            {
                _unlisted.Remove(status.Id);
            }
        }
    }

    private FakeStatus Add(string contentHtml, string username, string? displayName, DateTimeOffset? createdAt, bool listed, FakeAttachment[] media)
    {
        lock (_statuses)
        {
            var status = new FakeStatus(
                Id: (_nextId += 1000).ToString(CultureInfo.InvariantCulture),
                ContentHtml: contentHtml,
                Username: username,
                DisplayName: displayName,
                CreatedAt: createdAt ?? DateTimeOffset.UtcNow.AddMinutes(-1),
                Media: media);
            _statuses.Add(status);
            if (!listed)
            {
                _unlisted.Add(status.Id);
            }

            return status;
        }
    }

    /// <summary>The author deletes it: gone from the timeline; its API and web addresses answer 404.</summary>
    public void Delete(FakeStatus status)
    {
        lock (_statuses)
        {
            _statuses.Remove(status);
        }
    }

    /// <summary>The next <paramref name="times"/> timeline requests get <c>429</c> with <c>Retry-After</c>.</summary>
    public void AnswerTooManyRequests(int times, int retryAfterSeconds)
    {
        _retryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _tooManyRequests, times);
    }

    public string StatusUrl(FakeStatus status) => $"{Address}/@{status.Username}/{status.Id}";

    public string MediaUrl(string name) => $"{Address}/media/{name}";

    public void ServeImage(string name, byte[] content, string contentType = "image/jpeg") =>
        _media[name] = async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content);
        };

    /// <summary>Sends <paramref name="bytes"/> with no Content-Length (chunked): only counting as it streams can stop it.</summary>
    public void ServeWithoutLength(string name, long bytes) =>
        _media[name] = async context =>
        {
            context.Response.ContentType = "image/jpeg";
            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent < bytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        };

    public void ServeRedirect(string name, string location) =>
        _media[name] = context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        };

    public void ServeStatus(string name, int statusCode) =>
        _media[name] = context =>
        {
            context.Response.StatusCode = statusCode;
            return Task.CompletedTask;
        };

    /// <summary>Answers the headers, then trickles nothing until the client gives up.</summary>
    public void ServeNeverEnding(string name) =>
        _media[name] = async context =>
        {
            context.Response.ContentType = "image/jpeg";
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task TimelineAsync(HttpContext context)
    {
        var response = context.Response;
        var reset = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        response.Headers["X-RateLimit-Limit"] = "300";
        response.Headers["X-RateLimit-Reset"] = reset;
        if (Interlocked.Decrement(ref _tooManyRequests) >= 0)
        {
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers["X-RateLimit-Remaining"] = "0";
            response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await response.WriteAsJsonAsync(new { error = "Too many requests" });
            return;
        }

        Interlocked.Exchange(ref _tooManyRequests, 0);
        response.Headers["X-RateLimit-Remaining"] = "299";
        var query = context.Request.Query;
        var limit = Math.Min(int.TryParse(query["limit"], out var asked) ? Math.Clamp(asked, 1, 40) : 20, PageSize);
        List<FakeStatus> page;
        lock (_statuses)
        {
            var matching = _statuses.Where(s => !_unlisted.Contains(s.Id) && After(s.Id, query["since_id"]) && After(s.Id, query["min_id"]) && Before(s.Id, query["max_id"]));

            // min_id pages upwards: the statuses just after it, still returned newest first.
            page = query["min_id"].Count > 0
                ? [.. matching.OrderBy(s => long.Parse(s.Id, CultureInfo.InvariantCulture)).Take(limit).OrderByDescending(s => long.Parse(s.Id, CultureInfo.InvariantCulture))]
                : [.. matching.OrderByDescending(s => long.Parse(s.Id, CultureInfo.InvariantCulture)).Take(limit)];
        }

        if (page.Count > 0)
        {
            var path = $"{Address}{context.Request.Path}";
            response.Headers.Link = $"<{path}?max_id={page[^1].Id}>; rel=\"next\", <{path}?min_id={page[0].Id}>; rel=\"prev\"";
        }

        await response.WriteAsync(new JsonArray([.. page.Select(s => (JsonNode)s.ToJson(this))]).ToJsonString());
    }

    private async Task StatusAsync(HttpContext context, string id)
    {
        FakeStatus? status;
        lock (_statuses)
        {
            status = _statuses.FirstOrDefault(s => s.Id == id);
        }

        if (status is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { error = "Record not found" });
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(status.ToJson(this).ToJsonString());
    }

    private Task StatusPageAsync(HttpContext context, string id)
    {
        lock (_statuses)
        {
            if (_statuses.All(s => s.Id != id))
            {
                return NotFound(context);
            }
        }

        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync("<!doctype html><title>A post</title>");
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    private static bool After(string id, Microsoft.Extensions.Primitives.StringValues bound) =>
        bound.Count == 0 || long.Parse(id, CultureInfo.InvariantCulture) > long.Parse(bound.ToString(), CultureInfo.InvariantCulture);

    private static bool Before(string id, Microsoft.Extensions.Primitives.StringValues bound) =>
        bound.Count == 0 || long.Parse(id, CultureInfo.InvariantCulture) < long.Parse(bound.ToString(), CultureInfo.InvariantCulture);
}

/// <summary>A request the fake server received (recorded once answered), when it came, and the status it was answered with.</summary>
public sealed record FakeRequest(string Path, string Query, DateTimeOffset At, int StatusCode)
{
    public string? Parameter(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>An image attached to a status: where the server serves it, and the author's description.</summary>
public sealed record FakeAttachment(string Url, string? Description, string Type = "image");

/// <summary>A status on the fake server, written out in the documented shape of Mastodon's Status entity.</summary>
public sealed record FakeStatus(string Id, string ContentHtml, string Username, string? DisplayName, DateTimeOffset CreatedAt, IReadOnlyList<FakeAttachment> Media)
{
    public string? SpoilerText { get; init; }

    public JsonObject ToJson(FakeMastodon server) => new()
    {
        ["id"] = Id,
        ["created_at"] = CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["in_reply_to_id"] = null,
        ["in_reply_to_account_id"] = null,
        ["sensitive"] = SpoilerText is not null,
        ["spoiler_text"] = SpoilerText ?? "",
        ["visibility"] = "public",
        ["language"] = "en",
        ["uri"] = $"{server.Address}/users/{Username}/statuses/{Id}",
        ["url"] = server.StatusUrl(this),
        ["replies_count"] = 0,
        ["reblogs_count"] = 0,
        ["favourites_count"] = 0,
        ["edited_at"] = null,
        ["content"] = ContentHtml,
        ["reblog"] = null,
        ["application"] = null,
        ["account"] = new JsonObject
        {
            ["id"] = $"{Math.Abs(Username.GetHashCode(StringComparison.Ordinal))}",
            ["username"] = Username,
            ["acct"] = Username,
            ["display_name"] = DisplayName ?? "",
            ["locked"] = false,
            ["bot"] = false,
            ["url"] = $"{server.Address}/@{Username}",
            ["avatar"] = $"{server.Address}/avatars/{Username}.png",
            ["followers_count"] = 12,
            ["following_count"] = 34,
            ["statuses_count"] = 56,
            ["emojis"] = new JsonArray(),
            ["fields"] = new JsonArray(),
        },
        ["media_attachments"] = new JsonArray([.. Media.Select((m, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"{Id}{i}",
            ["type"] = m.Type,
            ["url"] = m.Url,
            ["preview_url"] = m.Url,
            ["remote_url"] = null,
            ["preview_remote_url"] = null,
            ["text_url"] = null,
            ["meta"] = new JsonObject(),
            ["description"] = m.Description,
            ["blurhash"] = "UFPZ@,~q?bxu%MM{t7of-;ofWBt7~qRjWBWB",
        })]),
        ["mentions"] = new JsonArray(),
        ["tags"] = new JsonArray(new JsonObject { ["name"] = "soliday", ["url"] = $"{server.Address}/tags/soliday" }),
        ["emojis"] = new JsonArray(),
        ["card"] = null,
        ["poll"] = null,
    };
}
