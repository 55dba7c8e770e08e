using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// Speaks Bluesky's XRPC API to the configured service (<see cref="BlueskyOptions.Service"/>): signs
/// in with the handle and app password, renews the session, searches posts with the hashtag, and
/// asks whether posts still exist. Every connection goes through <see cref="GuardedConnections"/>.
/// Answers are read within a size bound; tokens and the password are never logged or put in an
/// exception's message.
/// </summary>
public sealed class BlueskyClient(IHttpClientFactory clients, IOptions<HashtagOptions> options, TimeProvider clock)
{
    public const string ClientName = "bluesky";

    /// <summary>The most posts <c>searchPosts</c> gives in one page.</summary>
    public const int PageSize = 100;

    /// <summary>A page of 100 posts is a few hundred KB; a service sending more is refused, not read.</summary>
    private const long MaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>An XRPC error is a name and a sentence; anything longer is not read.</summary>
    private const int MaxErrorBytes = 16 * 1024;

    /// <summary>Bounds of an error's name and message as shown to curators.</summary>
    private const int MaxErrorNameLength = 64;
    private const int MaxErrorMessageLength = 300;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private BlueskyOptions Settings => options.Value.Bluesky;

    /// <summary><c>POST com.atproto.server.createSession</c> with the handle and app password.</summary>
    public async Task<BlueskySessionBody> CreateSessionAsync(CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "xrpc/com.atproto.server.createSession", token: null);
        request.Content = JsonContent.Create(new { identifier = Settings.Handle!.Trim().TrimStart('@'), password = Settings.AppPassword!.Trim() });
        using var response = await SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var error = await ErrorAsync(response, cancellationToken);
            throw new BlueskySignInRefusedException(
                $"Bluesky refused to sign in as {Settings.Handle!.Trim()} ({(int)response.StatusCode} {error.Error ?? "no error name"}: {error.Message ?? "no reason given"}).");
        }

        return Session(await ReadAsync<BlueskySessionBody>(response, "createSession", cancellationToken));
    }

    /// <summary><c>POST com.atproto.server.refreshSession</c>, authorised by the refresh token: a new pair of tokens.</summary>
    public async Task<BlueskySessionBody> RefreshSessionAsync(string refreshJwt, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, "xrpc/com.atproto.server.refreshSession", refreshJwt);
        using var response = await SendAsync(request, cancellationToken);
        await ThrowIfTokenRejectedAsync(response, cancellationToken);
        return Session(await ReadAsync<BlueskySessionBody>(response, "refreshSession", cancellationToken));
    }

    /// <summary>
    /// <c>GET app.bsky.feed.searchPosts?q=#tag&amp;tag=tag&amp;sort=latest</c>: a page of posts with
    /// the hashtag, newest first, from <paramref name="cursor"/> (null: the newest).
    /// </summary>
    public async Task<BlueskySearchPage> SearchPostsAsync(string accessJwt, string? cursor, CancellationToken cancellationToken)
    {
        var tag = options.Value.Tag;
        var query = $"q={Uri.EscapeDataString("#" + tag)}&tag={Uri.EscapeDataString(tag)}&sort=latest&limit={PageSize}"
            + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
        using var request = Request(HttpMethod.Get, $"xrpc/app.bsky.feed.searchPosts?{query}", accessJwt);
        using var response = await SendAsync(request, cancellationToken);
        await ThrowIfTokenRejectedAsync(response, cancellationToken);
        var body = await ReadAsync<BlueskySearchBody>(response, "searchPosts", cancellationToken);
        return new BlueskySearchPage(Posts(body.Posts), body.Cursor is { Length: > 0 and <= HashtagPost.MaxIdLength } next ? next : null, ReadRemaining(response), ReadReset(response));
    }

    /// <summary><c>GET app.bsky.feed.getPosts?uris=…</c>: true while the post is there; false once it is not among the answer (deleted).</summary>
    public async Task<bool> PostExistsAsync(string accessJwt, BlueskyPostUri post, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"xrpc/app.bsky.feed.getPosts?uris={Uri.EscapeDataString(post.ToString())}", accessJwt);
        using var response = await SendAsync(request, cancellationToken);
        await ThrowIfTokenRejectedAsync(response, cancellationToken);
        var body = await ReadAsync<BlueskyPostsBody>(response, "getPosts", cancellationToken);
        return Posts(body.Posts).Any(p => p.Uri == post.ToString());
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(Settings.ServiceUrl, path));
        request.Headers.Accept.ParseAdd("application/json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        GuardedConnections.AllowLoopback(request, options.Value.AllowLoopbackMedia);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Settings.ServiceUrl.Host} did not answer within {options.Value.RequestTimeout.TotalSeconds} s.");
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAt = ReadReset(response) ?? RetryAfter(response);
            response.Dispose();
            throw new BlueskyRateLimitedException(retryAt);
        }

        return response;
    }

    /// <summary>
    /// An expired or refused token: <c>400 ExpiredToken</c> (what the PDS answers for an access
    /// token past its time), <c>400 InvalidToken</c>, or <c>401</c> (no longer signed in).
    /// </summary>
    private static async Task ThrowIfTokenRejectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized))
        {
            return;
        }

        var error = await ErrorAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized || error.Error is "ExpiredToken" or "InvalidToken")
        {
            throw new BlueskyTokenRejectedException(error.Error ?? $"{(int)response.StatusCode}");
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string method, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var error = await ErrorAsync(response, cancellationToken);
            throw new BlueskyServiceException($"{Settings.ServiceUrl.Host} answered {(int)response.StatusCode} {error.Error} to {method}.");
        }

        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new BlueskyServiceException($"{Settings.ServiceUrl.Host} sent {response.Content.Headers.ContentLength} bytes for {method}.");
        }

        try
        {
            await using var body = new LengthLimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken), MaxResponseBytes);
            return await JsonSerializer.DeserializeAsync<T>(body, Json, cancellationToken) ?? throw new JsonException("The answer is null.");
        }
        catch (Exception e) when (e is JsonException or RequestBodyTooLargeException)
        {
            throw new BlueskyServiceException($"{Settings.ServiceUrl.Host} sent an answer to {method} that is not what the API promises: {e.Message}");
        }
    }

    /// <summary>The error's name and message, bounded and as plain text: they are shown to curators.</summary>
    private static async Task<BlueskyErrorBody> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = new LengthLimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken), MaxErrorBytes);
            var error = await JsonSerializer.DeserializeAsync<BlueskyErrorBody>(body, Json, cancellationToken);
            return new BlueskyErrorBody(Bounded(error?.Error, MaxErrorNameLength), Bounded(error?.Message, MaxErrorMessageLength));
        }
        catch (Exception e) when (e is JsonException or RequestBodyTooLargeException)
        {
            return new BlueskyErrorBody(null, null);
        }
    }

    private static string? Bounded(string? text, int max) => PostText.Tidy(text) is { Length: > 0 } tidy ? PostText.Bounded(tidy, max) : null;

    private static BlueskySessionBody Session(BlueskySessionBody session) =>
        session is { AccessJwt.Length: > 0, RefreshJwt.Length: > 0 } ? session : throw new BlueskyServiceException("Bluesky answered a sign-in without its tokens.");

    /// <summary>Each post read on its own: one a service garbled is skipped, not the whole page.</summary>
    private static List<BlueskyPostView> Posts(IReadOnlyList<JsonElement>? elements)
    {
        var posts = new List<BlueskyPostView>(elements?.Count ?? 0);
        foreach (var element in elements ?? [])
        {
            try
            {
                if (element.Deserialize<BlueskyPostView>(Json) is { } post)
                {
                    posts.Add(post);
                }
            }
            catch (JsonException)
            {
                // Not a post view: nothing in it can be taken.
            }
        }

        return posts;
    }

    private static int? ReadRemaining(HttpResponseMessage response) =>
        Header(response, "RateLimit-Remaining") is { } value && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining) ? remaining : null;

    /// <summary><c>RateLimit-Reset</c>: Unix seconds when the window resets, as Bluesky sends it.</summary>
    private static DateTimeOffset? ReadReset(HttpResponseMessage response) =>
        Header(response, "RateLimit-Reset") is { } value && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and < 253_402_300_800 // before the year 10000, which DateTimeOffset cannot hold
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private DateTimeOffset? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => clock.GetUtcNow() + delta,
            { Date: { } date } => date,
            _ => null,
        };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>One page of search results, newest first, and what the service said of its rate limit.</summary>
/// <param name="Cursor">Where the next (older) page starts; null when there is none.</param>
public sealed record BlueskySearchPage(IReadOnlyList<BlueskyPostView> Posts, string? Cursor, int? Remaining, DateTimeOffset? ResetsAt);
