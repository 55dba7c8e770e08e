using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Soliday.Hashtags;

/// <summary>
/// Says at start what hashtag ingestion will do, and warns loudly where its configuration weakens a
/// defence: <see cref="HashtagOptions.AllowLoopbackMedia"/> on, or a short webhook secret.
/// </summary>
public sealed class HashtagStartupCheck(IOptions<HashtagOptions> options, ILogger<HashtagStartupCheck> logger) : IHostedService
{
    /// <summary>Shorter than this, a shared secret can be guessed offline from one signed request.</summary>
    private const int StrongSecretLength = 32;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var hashtags = options.Value;
        if (hashtags.AllowLoopbackMedia)
        {
            logger.LogWarning(
                "!!! Hashtags:AllowLoopbackMedia is ON: posts' photos and Mastodon servers may be fetched from this machine's loopback addresses, over plain HTTP too. " +
                "This is for tests against a local fake server only. Never turn it on in Azure. !!!");
        }

        if (hashtags.WebhookSecret is { Length: > 0 and < StrongSecretLength })
        {
            logger.LogWarning("Hashtags:WebhookSecret is shorter than {Length} characters: use a long random secret (openssl rand -base64 32)", StrongSecretLength);
        }

        var servers = hashtags.MastodonServers();
        if (servers.Count > 0)
        {
            logger.LogInformation("Reading #{Tag} from {Servers} on the schedule {Schedule}, each at most every {Seconds} s", hashtags.Tag, string.Join(", ", servers), hashtags.PollSchedule, hashtags.PollSeconds);
        }

        if (hashtags.Bluesky.IsConfigured)
        {
            logger.LogInformation("Reading #{Tag} from Bluesky ({Service}, signed in as {Handle}) every {Seconds} s", hashtags.Tag, hashtags.Bluesky.ServiceUrl.Host, hashtags.Bluesky.Handle!.Trim(), hashtags.PollSeconds);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
