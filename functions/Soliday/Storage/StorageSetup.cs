using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Hashtags;
using Soliday.Submissions;
using Soliday.Timeline;

namespace Soliday.Storage;

/// <summary>
/// Creates Soliday's containers and the day page at start if they are missing: a new Azurite or
/// storage account works at once. All are private; the static website serves <c>$web</c> without
/// public access.
/// </summary>
public sealed class StorageSetup(BlobServiceClient blobs, QueueServiceClient queues, SiteWriter site, ILogger<StorageSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var name in StorageLayout.Containers)
        {
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var queue in new[] { CurationSteps.RemindersQueue, HashtagPostQueue.Name, HashtagPostQueue.PoisonName, ErasureRequests.QueueName })
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        // The public site answers from the start, before the first entry is approved.
        await site.PublishStartingPagesAsync(cancellationToken);
        logger.LogInformation("Storage ready at {BlobEndpoint}", blobs.Uri);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
