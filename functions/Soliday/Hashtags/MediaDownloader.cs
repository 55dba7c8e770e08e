using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Imaging;
using Soliday.Web;

namespace Soliday.Hashtags;

/// <summary>Why a photo named by a post was not fetched, with a code for machines and words for curators.</summary>
public sealed record MediaRefusal(string Code, string Message)
{
    public static MediaRefusal NotHttps() => new("not-https", "its address is not HTTPS");

    public static MediaRefusal PrivateAddress(string host) => new("address-refused", $"its address ({host}) leads to a private, local or metadata address, which is never fetched");

    public static MediaRefusal PortRefused(string host, int port) => new("port-refused", $"its address ({host}) names port {port}; photos are fetched from HTTPS's port {PublicAddresses.HttpsPort} only");

    public static MediaRefusal TooLarge(long max) => new("too-large", $"it is larger than {max / (1024 * 1024)} MB");

    public static MediaRefusal TooManyRedirects() => new("too-many-redirects", "its address redirects too many times");

    public static MediaRefusal Gone(int status) => new("gone", $"it is no longer at its address (the server answered {status})");

    public static MediaRefusal Refused(int status) => new("http-refused", $"its server refused it (answered {status})");
}

/// <summary>A photo's bytes, or why they were not fetched. Never both, never neither.</summary>
public sealed record MediaDownload(BinaryData? Content, MediaRefusal? Refusal);

/// <summary>
/// Fetches a photo a post names, treating the address as hostile: HTTPS on port 443 only (plain
/// HTTP, and other ports, only to loopback, and only with <see cref="HashtagOptions.AllowLoopbackMedia"/>); redirects followed by
/// hand, a few at most, and never to loopback; every connection made by
/// <see cref="GuardedConnections"/>, which reaches public addresses only; bytes counted as they
/// arrive against <see cref="ImagingOptions.MaxUploadBytes"/>; the whole within
/// <see cref="HashtagOptions.MediaTimeout"/>. A refusal is an outcome (the post is taken without
/// that photo, and the curator told); a failure that may pass (a timeout, a 503) throws, so the
/// queue tries the post again.
/// </summary>
public sealed class MediaDownloader(IHttpClientFactory clients, IOptions<HashtagOptions> options, IOptions<ImagingOptions> imaging, ILogger<MediaDownloader> logger)
{
    public const string ClientName = "hashtag-media";

    /// <summary>Enough for a CDN hop or two; more is a loop or a game.</summary>
    private const int MaxRedirects = 3;

    public async Task<MediaDownload> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.MediaTimeout);
        try
        {
            return await FollowAsync(new Uri(url), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The photo at {url} did not arrive within {options.Value.MediaTimeout.TotalSeconds} s.");
        }
    }

    /// <summary>
    /// Asks whether something is still at <paramref name="url"/>, under the same rules: false for
    /// <c>404</c> or <c>410</c>, true for any other answer (a login wall cannot say it is gone),
    /// null when the address may not be fetched. Throws when there is no answer to be had now.
    /// </summary>
    public async Task<bool?> StillThereAsync(string url, CancellationToken cancellationToken)
    {
        var address = new Uri(url);
        if (Refusal(address, hop: 0) is not null)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.RequestTimeout);
        try
        {
            using var response = await SendAsync(address, hop: 0, timeout.Token);
            return response.StatusCode switch
            {
                HttpStatusCode.NotFound or HttpStatusCode.Gone => false,
                HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => throw new HttpRequestException($"{address.Host} answered {(int)response.StatusCode}."),
                >= HttpStatusCode.InternalServerError => throw new HttpRequestException($"{address.Host} answered {(int)response.StatusCode}."),
                _ => true,
            };
        }
        catch (HttpRequestException e) when (GuardedConnections.RefusalIn(e) is not null)
        {
            return null;
        }
    }

    private async Task<MediaDownload> FollowAsync(Uri address, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            if (Refusal(address, hop) is { } refusal)
            {
                logger.LogInformation("Photo at {Host} not fetched: {Code}", address.Host, refusal.Code);
                return new MediaDownload(null, refusal);
            }

            HttpResponseMessage response;
            try
            {
                response = await SendAsync(address, hop, cancellationToken);
            }
            catch (HttpRequestException e) when (GuardedConnections.RefusalIn(e) is { } refused)
            {
                logger.LogWarning("Photo at {Host} not fetched: {Problem}", address.Host, refused.Message);
                return new MediaDownload(null, refused is RefusedPortException port ? MediaRefusal.PortRefused(port.Host, port.Port) : MediaRefusal.PrivateAddress(refused.Host));
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode))
                {
                    if (hop == MaxRedirects || response.Headers.Location is not { } location)
                    {
                        return new MediaDownload(null, MediaRefusal.TooManyRedirects());
                    }

                    address = new Uri(address, location);
                    continue;
                }

                return await ReadAsync(address, response, cancellationToken);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri address, int hop, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);

        // Every request on a connection of its own: a redirect to the same host and port would
        // otherwise reuse the first hop's connection and never pass through the connection check.
        request.Headers.ConnectionClose = true;
        GuardedConnections.AllowLoopback(request, AllowLoopback(hop));
        return await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<MediaDownload> ReadAsync(Uri address, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return new MediaDownload(null, MediaRefusal.Gone(status));
        }

        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || status >= 500)
        {
            throw new HttpRequestException($"The photo's server ({address.Host}) answered {status}; it may answer later.");
        }

        if (!response.IsSuccessStatusCode)
        {
            return new MediaDownload(null, MediaRefusal.Refused(status));
        }

        var max = imaging.Value.MaxUploadBytes;
        if (response.Content.Headers.ContentLength > max)
        {
            return new MediaDownload(null, MediaRefusal.TooLarge(max));
        }

        try
        {
            // Counted as it streams: a server that sends no length, or lies about it, stops at the limit.
            await using var body = new LengthLimitedStream(await response.Content.ReadAsStreamAsync(cancellationToken), max);
            using var copy = new MemoryStream();
            await body.CopyToAsync(copy, cancellationToken);
            return new MediaDownload(new BinaryData(copy.ToArray()), null);
        }
        catch (RequestBodyTooLargeException)
        {
            logger.LogInformation("Photo at {Host} not fetched: more than {Max} bytes", address.Host, max);
            return new MediaDownload(null, MediaRefusal.TooLarge(max));
        }
    }

    /// <summary>
    /// The rules that need no connection: the scheme, and an address and port written into the URL.
    /// A port with a host name is checked where the connection is made (<see cref="GuardedConnections"/>),
    /// after the name's addresses, so a name that leads to a private address is named as that.
    /// </summary>
    private MediaRefusal? Refusal(Uri address, int hop)
    {
        if (address.Scheme != Uri.UriSchemeHttps && !(address.Scheme == Uri.UriSchemeHttp && AllowLoopback(hop) && PublicAddresses.IsLoopbackHost(address.Host)))
        {
            return PublicAddresses.IsLoopbackHost(address.Host) ? MediaRefusal.PrivateAddress(address.Host) : MediaRefusal.NotHttps();
        }

        if (!IPAddress.TryParse(address.Host.Trim('[', ']'), out var literal))
        {
            return null;
        }

        if (!PublicAddresses.IsPermitted(literal, AllowLoopback(hop)))
        {
            return MediaRefusal.PrivateAddress(address.Host);
        }

        return PublicAddresses.IsPermitted(new IPEndPoint(literal, address.Port), AllowLoopback(hop)) ? null : MediaRefusal.PortRefused(address.Host, address.Port);
    }

    /// <summary>Loopback only for the address the post gave, and only in tests: a redirect there is always refused.</summary>
    private bool AllowLoopback(int hop) => options.Value.AllowLoopbackMedia && hop == 0;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
