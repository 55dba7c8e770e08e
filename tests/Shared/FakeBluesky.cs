using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Soliday.Testing;

/// <summary>
/// A Bluesky service (a PDS with its AppView behind it) on loopback: a real Kestrel server speaking
/// the XRPC shapes of <c>com.atproto.server.createSession</c> and <c>refreshSession</c> (access and
/// refresh tokens; <c>401 AuthenticationRequired</c> for a wrong app password; <c>400 ExpiredToken</c>
/// once a token has expired), <c>app.bsky.feed.searchPosts</c> (signed in only, as Bluesky's is since
/// 2025; newest first with <c>sort=latest</c>; <c>cursor</c> paging; <c>429</c> with
/// <c>RateLimit-Reset</c> when told to) and <c>app.bsky.feed.getPosts</c> (a deleted post is left
/// out), plus image files like a CDN. It records every request.
/// </summary>
public sealed class FakeBluesky : IAsyncDisposable
{
    public const string AccountHandle = "soliday-reader.bsky.social";
    public const string AccountPassword = "abcd-efgh-ijkl-mnop";

    private readonly WebApplication _app;
    private readonly List<FakeSkeet> _posts = [];
    private readonly HashSet<string> _unlisted = [];
    private readonly ConcurrentDictionary<string, bool> _accessTokens = new(); // token → expired
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _media = new();
    private readonly ConcurrentQueue<FakeXrpcRequest> _requests = new();
    private int _nextKey;
    private int _tokens;
    private int _tooManyRequests;
    private int _resetSeconds;

    private FakeBluesky(WebApplication app)
    {
        _app = app;
        BaseUrl = new Uri(app.Urls.Single().TrimEnd('/') + "/");
    }

    public Uri BaseUrl { get; }

    /// <summary>The service's address as configured in Soliday: no trailing slash.</summary>
    public string Address => BaseUrl.AbsoluteUri.TrimEnd('/');

    /// <summary>The app password it accepts for <see cref="AccountHandle"/>; change it to refuse the one Soliday has.</summary>
    public string Password { get; set; } = AccountPassword;

    /// <summary>Posts per page at most, whatever <c>limit</c> asks: small, to make a client page.</summary>
    public int PageSize { get; set; } = 100;

    public IReadOnlyList<FakeXrpcRequest> Requests => [.. _requests];

    public IReadOnlyList<FakeXrpcRequest> Searches => [.. _requests.Where(r => r.Method == "app.bsky.feed.searchPosts")];

    public static async Task<FakeBluesky> StartAsync()
    {
        var app = LoopbackServer.Create();
        FakeBluesky? service = null;
        app.Use(async (context, next) =>
        {
            var at = DateTimeOffset.UtcNow;
            try
            {
                await next(context);
            }
            finally
            {
                var path = context.Request.Path.Value ?? "";
                service!._requests.Enqueue(new FakeXrpcRequest(
                    path.StartsWith("/xrpc/", StringComparison.Ordinal) ? path["/xrpc/".Length..] : path,
                    context.Request.QueryString.Value ?? "",
                    context.Request.Headers.Authorization.ToString() is { Length: > 7 } auth ? auth["Bearer ".Length..] : null,
                    at,
                    context.Response.StatusCode));
            }
        });
        app.MapPost("/xrpc/com.atproto.server.createSession", (HttpContext context) => service!.CreateSessionAsync(context));
        app.MapPost("/xrpc/com.atproto.server.refreshSession", (HttpContext context) => service!.RefreshSessionAsync(context));
        app.MapGet("/xrpc/app.bsky.feed.searchPosts", (HttpContext context) => service!.SearchAsync(context));
        app.MapGet("/xrpc/app.bsky.feed.getPosts", (HttpContext context) => service!.GetPostsAsync(context));
        app.MapGet("/media/{name}", (HttpContext context, string name) => service!._media.TryGetValue(name, out var serve) ? serve(context) : NotFound(context));
        await app.StartAsync();
        service = new FakeBluesky(app);
        return service;
    }

    /// <summary>Posts with the hashtag, written a second ago (the search orders by that time).</summary>
    public FakeSkeet Post(string text, string handle = "alice.bsky.social", string? displayName = "Alice Example", DateTimeOffset? createdAt = null, params FakeBlueskyImage[] images) =>
        Add(new FakeSkeet(NextKey(), handle, displayName, text, createdAt ?? DateTimeOffset.UtcNow.AddSeconds(-1), images), listed: true);

    /// <summary>A post the search leaves out until <see cref="List"/>: lets a test decide when a poller can first see it.</summary>
    public FakeSkeet PostUnlisted(FakeSkeet post) => Add(post with { RecordKey = NextKey() }, listed: false);

    /// <summary>Posts a post built by the test (labels, facets…), newer than every post before it.</summary>
    public FakeSkeet Post(FakeSkeet post) => Add(post with { RecordKey = NextKey() }, listed: true);

    public void List(params FakeSkeet[] posts)
    {
        lock (_posts)
        {
            foreach (var post in posts)
            {
                _unlisted.Remove(post.RecordKey);
            }
        }
    }

    /// <summary>The author deletes it: gone from the search and from <c>getPosts</c>.</summary>
    public void Delete(FakeSkeet post)
    {
        lock (_posts)
        {
            _posts.RemoveAll(p => p.RecordKey == post.RecordKey);
        }
    }

    /// <summary>Every access token handed out so far has expired: the next call with one gets <c>400 ExpiredToken</c>.</summary>
    public void ExpireAccessTokens()
    {
        foreach (var token in _accessTokens.Keys)
        {
            _accessTokens[token] = true;
        }
    }

    /// <summary>Every refresh token handed out so far has expired too: only signing in again helps.</summary>
    public void ExpireRefreshTokens()
    {
        foreach (var token in _refreshTokens.Keys)
        {
            _refreshTokens[token] = true;
        }
    }

    /// <summary>The next <paramref name="times"/> requests of any kind get <c>429</c>, with <c>RateLimit-Reset</c> that many seconds ahead.</summary>
    public void AnswerTooManyRequests(int times, int resetInSeconds)
    {
        _resetSeconds = resetInSeconds;
        Interlocked.Exchange(ref _tooManyRequests, times);
    }

    public string Did(string handle) => FakeSkeet.DidOf(handle);

    public string MediaUrl(string name) => $"{Address}/media/{name}";

    public void ServeImage(string name, byte[] content, string contentType = "image/jpeg") =>
        _media[name] = async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content);
        };

    public void ServeRedirect(string name, string location) =>
        _media[name] = context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private string NextKey() => $"3kfake{Interlocked.Increment(ref _nextKey):D7}";

    private FakeSkeet Add(FakeSkeet post, bool listed)
    {
        lock (_posts)
        {
            _posts.Add(post);
            if (!listed)
            {
                _unlisted.Add(post.RecordKey);
            }
        }

        return post;
    }

    private bool TooManyRequests(HttpContext context)
    {
        if (Interlocked.Decrement(ref _tooManyRequests) < 0)
        {
            Interlocked.Exchange(ref _tooManyRequests, 0);
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers["RateLimit-Limit"] = "3000";
        context.Response.Headers["RateLimit-Remaining"] = "0";
        context.Response.Headers["RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(_resetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["RateLimit-Policy"] = "3000;w=300";
        return true;
    }

    private async Task CreateSessionAsync(HttpContext context)
    {
        if (TooManyRequests(context))
        {
            await Error(context, 429, "RateLimitExceeded", "Rate Limit Exceeded");
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body);
        if (body?["identifier"]?.GetValue<string>() != AccountHandle || body["password"]?.GetValue<string>() != Password)
        {
            await Error(context, 401, "AuthenticationRequired", "Invalid identifier or password");
            return;
        }

        await SessionAsync(context);
    }

    private async Task RefreshSessionAsync(HttpContext context)
    {
        if (TooManyRequests(context))
        {
            await Error(context, 429, "RateLimitExceeded", "Rate Limit Exceeded");
            return;
        }

        var token = Bearer(context);
        if (token is null || !_refreshTokens.TryGetValue(token, out var expired) || expired)
        {
            await Error(context, 400, "ExpiredToken", "Token has expired");
            return;
        }

        _refreshTokens.TryRemove(token, out _); // a refresh token is good once
        await SessionAsync(context);
    }

    private async Task SessionAsync(HttpContext context)
    {
        var n = Interlocked.Increment(ref _tokens);
        var (access, refresh) = ($"access-{n}-{Guid.NewGuid():N}", $"refresh-{n}-{Guid.NewGuid():N}");
        _accessTokens[access] = false;
        _refreshTokens[refresh] = false;
        await Json(context, new JsonObject
        {
            ["accessJwt"] = access,
            ["refreshJwt"] = refresh,
            ["handle"] = AccountHandle,
            ["did"] = Did(AccountHandle),
            ["active"] = true,
        });
    }

    /// <summary>Signed in with a good access token, or answered as Bluesky answers; false when answered.</summary>
    private async Task<bool> SignedInAsync(HttpContext context)
    {
        if (TooManyRequests(context))
        {
            await Error(context, 429, "RateLimitExceeded", "Rate Limit Exceeded");
            return false;
        }

        if (Bearer(context) is not { } token || !_accessTokens.TryGetValue(token, out var expired))
        {
            await Error(context, 401, "AuthenticationRequired", "Authentication Required");
            return false;
        }

        if (expired)
        {
            await Error(context, 400, "ExpiredToken", "Token has expired");
            return false;
        }

        context.Response.Headers["RateLimit-Limit"] = "3000";
        context.Response.Headers["RateLimit-Remaining"] = "2999";
        context.Response.Headers["RateLimit-Reset"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private async Task SearchAsync(HttpContext context)
    {
        if (!await SignedInAsync(context))
        {
            return;
        }

        var query = context.Request.Query;
        if (query["q"].Count == 0)
        {
            await Error(context, 400, "InvalidRequest", "Error: Params must have the property \"q\"");
            return;
        }

        var tag = query["tag"].ToString();
        var limit = Math.Min(int.TryParse(query["limit"], out var asked) ? Math.Clamp(asked, 1, 100) : 25, PageSize);
        var offset = int.TryParse(query["cursor"], out var from) ? from : 0;
        List<FakeSkeet> page;
        bool more;
        lock (_posts)
        {
            var matching = _posts.Where(p => !_unlisted.Contains(p.RecordKey) && (tag.Length == 0 || p.Text.Contains($"#{tag}", StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.RecordKey, StringComparer.Ordinal).ToList();
            page = [.. matching.Skip(offset).Take(limit)];
            more = offset + page.Count < matching.Count;
        }

        var answer = new JsonObject { ["posts"] = new JsonArray([.. page.Select(p => (JsonNode)p.ToJson())]) };
        if (more)
        {
            answer["cursor"] = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        await Json(context, answer);
    }

    private async Task GetPostsAsync(HttpContext context)
    {
        if (!await SignedInAsync(context))
        {
            return;
        }

        var uris = context.Request.Query["uris"].Select(u => u!).ToHashSet();
        List<FakeSkeet> found;
        lock (_posts)
        {
            found = [.. _posts.Where(p => uris.Contains(p.Uri))];
        }

        await Json(context, new JsonObject { ["posts"] = new JsonArray([.. found.Select(p => (JsonNode)p.ToJson())]) });
    }

    private static string? Bearer(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;

    private static async Task Error(HttpContext context, int status, string error, string message)
    {
        context.Response.StatusCode = status;
        await Json(context, new JsonObject { ["error"] = error, ["message"] = message });
    }

    private static Task Json(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}

/// <summary>A request the fake service received: the XRPC method (or path), the query, the bearer token sent, when, and the status answered.</summary>
public sealed record FakeXrpcRequest(string Method, string Query, string? Token, DateTimeOffset At, int StatusCode)
{
    public string? Parameter(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>An image of a post: where the CDN serves it, and its alt text ("" when the author wrote none, as Bluesky sends it).</summary>
public sealed record FakeBlueskyImage(string Fullsize, string Alt = "");

/// <summary>A label on a post: its value and who set it (the author's DID for a self-label, else a moderation service's).</summary>
public sealed record FakeLabel(string Src, string Val, bool Neg = false);

/// <summary>A link in a post's text: the bytes it spans (UTF-8 offsets, as Bluesky counts) and where it leads.</summary>
public sealed record FakeLink(int ByteStart, int ByteEnd, string Uri);

/// <summary>A post on the fake service, written out in the shape of <c>app.bsky.feed.defs#postView</c>.</summary>
public sealed record FakeSkeet(string RecordKey, string Handle, string? DisplayName, string Text, DateTimeOffset CreatedAt, IReadOnlyList<FakeBlueskyImage> Images)
{
    /// <summary>The author's own labels, written into the record (<c>com.atproto.label.defs#selfLabels</c>).</summary>
    public IReadOnlyList<string> SelfLabels { get; init; } = [];

    /// <summary>Labels from moderation services, as the AppView adds them to the view.</summary>
    public IReadOnlyList<FakeLabel> Labels { get; init; } = [];

    public IReadOnlyList<FakeLink> Links { get; init; } = [];

    public string Did => DidOf(Handle);

    public string Uri => $"at://{Did}/app.bsky.feed.post/{RecordKey}";

    /// <summary>Where people open it, and the credit link Soliday gives.</summary>
    public string WebUrl => $"https://bsky.app/profile/{Handle}/post/{RecordKey}";

    public static string DidOf(string handle) => $"did:plc:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(handle)))[..24]}";

    public JsonObject ToJson()
    {
        var created = CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var record = new JsonObject
        {
            ["$type"] = "app.bsky.feed.post",
            ["text"] = Text,
            ["createdAt"] = created,
            ["langs"] = new JsonArray("en"),
        };
        if (Links.Count > 0)
        {
            record["facets"] = new JsonArray([.. Links.Select(l => (JsonNode)new JsonObject
            {
                ["index"] = new JsonObject { ["byteStart"] = l.ByteStart, ["byteEnd"] = l.ByteEnd },
                ["features"] = new JsonArray(new JsonObject { ["$type"] = "app.bsky.richtext.facet#link", ["uri"] = l.Uri }),
            })]);
        }

        if (SelfLabels.Count > 0)
        {
            record["labels"] = new JsonObject
            {
                ["$type"] = "com.atproto.label.defs#selfLabels",
                ["values"] = new JsonArray([.. SelfLabels.Select(v => (JsonNode)new JsonObject { ["val"] = v })]),
            };
        }

        var view = new JsonObject
        {
            ["uri"] = Uri,
            ["cid"] = $"bafyrei{RecordKey}",
            ["author"] = new JsonObject
            {
                ["did"] = Did,
                ["handle"] = Handle,
                ["displayName"] = DisplayName,
                ["avatar"] = $"https://cdn.bsky.app/img/avatar/plain/{Did}/bafkrei@jpeg",
                ["labels"] = new JsonArray(),
                ["createdAt"] = "2024-01-01T00:00:00.000Z",
            },
            ["record"] = record,
            ["replyCount"] = 0,
            ["repostCount"] = 0,
            ["likeCount"] = 0,
            ["quoteCount"] = 0,
            ["indexedAt"] = created,
            ["labels"] = new JsonArray([.. SelfLabels.Select(v => (JsonNode)new JsonObject { ["src"] = Did, ["uri"] = Uri, ["val"] = v, ["cts"] = created })
                .Concat(Labels.Select(l => (JsonNode)new JsonObject { ["src"] = l.Src, ["uri"] = Uri, ["val"] = l.Val, ["neg"] = l.Neg, ["cts"] = created }))]),
        };
        if (Images.Count > 0)
        {
            view["embed"] = new JsonObject
            {
                ["$type"] = "app.bsky.embed.images#view",
                ["images"] = new JsonArray([.. Images.Select(i => (JsonNode)new JsonObject
                {
                    ["thumb"] = i.Fullsize,
                    ["fullsize"] = i.Fullsize,
                    ["alt"] = i.Alt,
                    ["aspectRatio"] = new JsonObject { ["width"] = 4, ["height"] = 3 },
                })]),
            };
        }

        return view;
    }
}
