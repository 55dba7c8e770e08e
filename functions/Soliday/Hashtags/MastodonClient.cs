using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Web;

namespace Soliday.Hashtags;

/// <summary>One page of a hashtag timeline, newest first; or, when <see cref="RateLimit.Exceeded"/>, the server's "not now".</summary>
/// <param name="NextMaxId">The <c>max_id</c> of the next (older) page; null when there is none.</param>
public sealed record TimelinePage(IReadOnlyList<MastodonStatus> Statuses, string? NextMaxId, RateLimit Limit);

/// <summary>What a server said of its rate limit: requests left until it resets; or, after a <c>429</c>, when to come back.</summary>
public sealed record RateLimit(int? Remaining, DateTimeOffset? ResetsAt, bool Exceeded = false, DateTimeOffset? RetryAt = null);

/// <summary>A Mastodon server answered something other than what the API promises.</summary>
public sealed class MastodonServerException(string message) : Exception(message);

/// <summary>
/// Reads Mastodon's public REST API: a hashtag timeline, page by page, and whether a status still
/// exists. Only what the API documents; an access token only for a server configured with one.
/// </summary>
public sealed class MastodonClient(IHttpClientFactory clients, IOptions<HashtagOptions> options, TimeProvider clock, ILogger<MastodonClient> logger)
{
    public const string ClientName = "mastodon";

    /// <summary>The most a page may be: 40 statuses are a few hundred KB; a server sending more is refused, not read.</summary>
    private const long MaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>The most statuses Mastodon gives in one page.</summary>
    private const int PageSize = 40;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// <c>GET /api/v1/timelines/tag/{tag}</c>: the statuses newer than <paramref name="sinceId"/> and
    /// older than <paramref name="maxId"/> (either may be null), newest first.
    /// </summary>
    public async Task<TimelinePage> ReadTagTimelineAsync(MastodonServer server, string? sinceId, string? maxId, CancellationToken cancellationToken)
    {
        var query = new List<string> { $"limit={PageSize}" };
        if (sinceId is not null)
        {
            query.Add($"since_id={Uri.EscapeDataString(sinceId)}");
        }

        if (maxId is not null)
        {
            query.Add($"max_id={Uri.EscapeDataString(maxId)}");
        }

        var path = $"api/v1/timelines/tag/{Uri.EscapeDataString(options.Value.Tag)}?{string.Join('&', query)}";
        using var response = await SendAsync(server, path, cancellationToken);
        var limit = ReadRateLimit(response);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new TimelinePage([], null, limit with { Exceeded = true, RetryAt = RetryAt(response) ?? limit.ResetsAt });
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new MastodonServerException($"{server} answered {(int)response.StatusCode} for the #{options.Value.Tag} timeline.");
        }

        var statuses = await ReadStatusesAsync(server, response, cancellationToken);
        var next = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.NextMaxId(links) : null;
        return new TimelinePage(statuses, next, limit);
    }

    /// <summary>
    /// <c>GET /api/v1/statuses/{id}</c>: true while the status is there, false once it is gone
    /// (<c>404</c> or <c>410</c>: deleted, or no longer public). Throws when the server cannot say.
    /// </summary>
    public async Task<bool> StatusExistsAsync(MastodonServer server, string statusId, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(server, $"api/v1/statuses/{Uri.EscapeDataString(statusId)}", cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => false,
            _ when response.IsSuccessStatusCode => true,
            _ => throw new MastodonServerException($"{server} answered {(int)response.StatusCode} when asked about status {statusId}."),
        };
    }

    private async Task<HttpResponseMessage> SendAsync(MastodonServer server, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUrl, path));
        request.Headers.Accept.ParseAdd("application/json");
        if (server.AccessToken is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        GuardedConnections.AllowLoopback(request, options.Value.AllowLoopbackMedia);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            return await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{server} did not answer within {options.Value.RequestTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>Each status read on its own: one a server garbled is skipped (and logged), not the whole page.</summary>
    private async Task<IReadOnlyList<MastodonStatus>> ReadStatusesAsync(MastodonServer server, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new MastodonServerException($"{server} sent a page of {response.Content.Headers.ContentLength} bytes.");
        }

        List<JsonElement>? elements;
        try
        {
            await using var body = new LengthLimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken), MaxResponseBytes);
            elements = await JsonSerializer.DeserializeAsync<List<JsonElement>>(body, Json, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or RequestBodyTooLargeException)
        {
            throw new MastodonServerException($"{server} sent a timeline that is not a list of statuses: {e.Message}");
        }

        var statuses = new List<MastodonStatus>(elements?.Count ?? 0);
        foreach (var element in elements ?? [])
        {
            try
            {
                if (element.Deserialize<MastodonStatus>(Json) is { } status)
                {
                    statuses.Add(status);
                }
            }
            catch (JsonException e)
            {
                logger.LogWarning("Skipped a status {Server} sent that is not a Mastodon status: {Problem}", server, e.Message);
            }
        }

        return statuses;
    }

    private RateLimit ReadRateLimit(HttpResponseMessage response)
    {
        var remaining = Header(response, "X-RateLimit-Remaining") is { } r && int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) ? left : (int?)null;
        return new RateLimit(remaining, Header(response, "X-RateLimit-Reset") is { } reset ? ParseTime(reset) : null);
    }

    /// <summary><c>Retry-After</c>, in seconds or as an HTTP date.</summary>
    private DateTimeOffset? RetryAt(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => clock.GetUtcNow() + delta,
            { Date: { } date } => date,
            _ => null,
        };

    /// <summary>Mastodon writes ISO 8601 (<c>2026-06-20T13:25:00.019Z</c>); some servers write Unix seconds.</summary>
    private static DateTimeOffset? ParseTime(string value) =>
        value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at
        : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
