using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Hashtags;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Timeline;

namespace Soliday;

/// <summary>
/// Creates Soliday's containers and queues at start if they are missing: a new Azurite or storage
/// account works at once. All are private; the static website serves <c>$web</c> without public
/// access. A marker blob records the version of this set-up once it has run, so a cold start on an
/// account already set up (the usual case on Flex Consumption) skips a dozen storage calls.
/// <para>
/// Storage that does not answer, or does not yet allow the app in (a role assigned seconds before
/// the first start takes minutes to come into effect), never keeps the app down: after a first,
/// bounded try the set-up goes on trying in the background, waiting longer each time, while
/// <c>/api/health</c> reports it pending; it is done as soon as storage lets it, without a restart.
/// </para>
/// </summary>
public sealed class StorageSetup(BlobServiceClient blobs, QueueServiceClient queues, SiteWriter site, StorageReadiness readiness, TimeProvider clock, ILogger<StorageSetup> logger) : IHostedService, IDisposable
{
    /// <summary>
    /// The start waits this long at most: ample for a healthy account's calls and the starting pages
    /// on a busy machine, while storage that does not answer at all holds the start up only this long.
    /// </summary>
    private static readonly TimeSpan FirstTryLimit = TimeSpan.FromSeconds(30);

    /// <summary>Retries start soon (a role usually takes effect within minutes) and back off to a minute.</summary>
    private static readonly TimeSpan FirstRetryWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan LongestRetryWait = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private Task _retries = Task.CompletedTask;

    /// <summary>True once the containers, queues and starting pages are in place.</summary>
    public bool IsDone => readiness.IsSetUp;

    /// <summary>
    /// Bump when the containers or queues below change, so every account is set up again once at
    /// the next start of the new version.
    /// </summary>
    public const string Version = "1";

    /// <summary>The marker, in a container the set-up creates: a fresh account has none, so it is set up.</summary>
    public const string MarkerContainer = StorageLayout.Curation;

    public const string MarkerBlob = "storage-setup-version";

    public static IReadOnlyList<string> Queues { get; } = [CurationSteps.RemindersQueue, HashtagPostQueue.Name, HashtagPostQueue.PoisonName, ErasureRequests.QueueName];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryRunAsync(FirstTryLimit, cancellationToken))
        {
            _retries = RetryUntilDoneAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retries.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryUntilDoneAsync(CancellationToken stopping)
    {
        var wait = FirstRetryWait;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryRunAsync(LongestRetryWait, stopping))
            {
                return;
            }

            wait = wait * 2 < LongestRetryWait ? wait * 2 : LongestRetryWait;
        }
    }

    private async Task<bool> TryRunAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await RunAsync(timeout.Token);
            readiness.MarkSetUp();
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Refused, timed out, not yet allowed: whatever it is, the app stays up and says so on /api/health.
            logger.LogWarning(e, "Storage set-up could not finish (storage unreachable or not yet allowed); trying again in the background");
            return false;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var marker = blobs.GetBlobContainerClient(MarkerContainer).GetBlobClient(MarkerBlob);
        if (await RecordedVersionAsync(marker, cancellationToken) != Version)
        {
            foreach (var name in StorageLayout.Containers)
            {
                var created = await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken) is not null;
                if (created && name == StorageLayout.Curation)
                {
                    // A new account: no entry waited before the board's index, so the first board view must
                    // not fill it from the engine's list of every workflow (with thousands sent by then, that
                    // view took minutes). An account this version finds set up before does fill it, once.
                    await blobs.GetBlobContainerClient(name).GetBlobClient(StorageLayout.WaitingIndexFilled)
                        .UploadAsync(BinaryData.FromString("{}"), overwrite: true, cancellationToken);
                }
            }

            foreach (var queue in Queues)
            {
                await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            // Written last: a start interrupted before this sets everything up again next time.
            await marker.UploadAsync(BinaryData.FromString(Version), overwrite: true, cancellationToken);
        }

        // Every start: a new version's pages and assets, or a changed day, reach the site before the first entry.
        await site.PublishStartingPagesAsync(cancellationToken);
        logger.LogInformation("Storage ready at {BlobEndpoint}", blobs.Uri);
    }

    private static async Task<string?> RecordedVersionAsync(BlobClient marker, CancellationToken cancellationToken)
    {
        try
        {
            return (await marker.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // no container or no marker yet: a fresh account
        }
    }
}
