using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Soliday.Functions.Web;
using Soliday.Hashtags;
using Soliday.Hashtags.Bluesky;
using Soliday.Web;

namespace Soliday.Functions.Hashtags;

/// <summary>Hashtag ingestion as Azure Functions: the Mastodon and Bluesky timers, the queue's consumer, the webhook.</summary>
public sealed class HashtagFunctions(MastodonPoller poller, BlueskyPoller bluesky, HashtagIngestion ingestion, HashtagWebhook webhook)
{
    /// <summary>
    /// One timer for all configured servers, not one per server: a function's trigger is fixed when
    /// the app is built, servers are configuration. The poller polls each server on its own
    /// checkpoint and schedule, so each behaves as if it had its own timer. The runtime runs a timer
    /// on one instance at a time; the checkpoints' ETags cover the rest.
    /// </summary>
    [Function(HashtagTriggers.PollMastodon)]
    public Task PollMastodon([TimerTrigger(HashtagTriggers.PollSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.PollDueServersAsync(cancellationToken);

    /// <summary>
    /// Its own timer, so that each network's switch (<c>AzureWebJobs.PollBluesky.Disabled</c>, on
    /// while Bluesky is not configured) leaves the other running. The poller reads Bluesky when its
    /// checkpoint says it is due (Hashtags:PollSeconds, or the end of a rate limit).
    /// </summary>
    [Function(HashtagTriggers.PollBluesky)]
    public Task PollBluesky([TimerTrigger(HashtagTriggers.PollSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        bluesky.PollIfDueAsync(cancellationToken);

    /// <summary>After host.json's <c>maxDequeueCount</c> failures the runtime moves the message to <c>hashtag-posts-poison</c>.</summary>
    [Function(HashtagTriggers.IngestPost)]
    public Task IngestPost(
        [QueueTrigger(HashtagPostQueue.Name)] string message,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken) =>
        ingestion.IngestAsync(message, durable, cancellationToken);

    /// <summary>Anonymous to the Functions host: the post's own HMAC signature is its authentication.</summary>
    [Function(HashtagTriggers.ReceivePost)]
    public Task<IActionResult> ReceivePost(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.HashtagWebhook)] HttpRequest request) =>
        webhook.Receive(request).AsAction();
}
