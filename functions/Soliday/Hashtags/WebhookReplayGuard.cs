using Azure.Storage.Blobs;
using Soliday.Storage;

namespace Soliday.Hashtags;

/// <summary>
/// Refuses a signed webhook request sent a second time within the replay window: each signature is
/// recorded with a create-once blob, so of two deliveries, on any number of instances, one gets
/// through. Checked only after the signature is verified: a stranger cannot fill the store.
/// </summary>
public sealed class WebhookReplayGuard(BlobServiceClient blobs)
{
    /// <summary>True the first time this signature is seen; false for a replay.</summary>
    public Task<bool> TryFirstUseAsync(WebhookSignature signature, CancellationToken cancellationToken) =>
        blobs.GetBlobContainerClient(StorageLayout.Hashtags)
            .GetBlobClient(StorageLayout.WebhookSignature(signature.SignedAt, signature.Hex))
            .CreateOnceAsync(BinaryData.FromString(""), BlobWrites.Headers("text/plain"), cancellationToken);
}
