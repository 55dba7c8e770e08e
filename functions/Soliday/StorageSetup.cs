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
/// </summary>
public sealed class StorageSetup(BlobServiceClient blobs, QueueServiceClient queues, SiteWriter site, ILogger<StorageSetup> logger) : IHostedService
{
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
        var marker = blobs.GetBlobContainerClient(MarkerContainer).GetBlobClient(MarkerBlob);
        if (await RecordedVersionAsync(marker, cancellationToken) != Version)
        {
            foreach (var name in StorageLayout.Containers)
            {
                await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
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

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
