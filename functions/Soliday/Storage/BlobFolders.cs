using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Soliday.Storage;

public static class BlobFolders
{
    /// <summary>Deletes every blob whose name starts with <paramref name="prefix"/>; nothing happens if there are none.</summary>
    public static async Task DeleteAsync(this BlobServiceClient blobs, string container, string prefix, CancellationToken cancellationToken = default)
    {
        var client = blobs.GetBlobContainerClient(container);
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            await client.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
        }
    }
}
