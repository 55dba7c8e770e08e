using Azure;
using Azure.Storage.Blobs;
using Soliday.Storage;

namespace Soliday.Hashtags;

/// <summary>
/// One checkpoint blob per Mastodon server, written only if unchanged since read (ETag). Two
/// pollers (two instances, or Azure and a developer's machine on one account) cannot both claim a
/// poll, and one that lost its claim cannot move the checkpoint: it stops.
/// </summary>
public sealed class PollCheckpoints(BlobServiceClient blobs)
{
    /// <summary>The checkpoint and its ETag; a new checkpoint and no ETag for a server never polled.</summary>
    public async Task<(PollCheckpoint Checkpoint, ETag? ETag)> ReadAsync(MastodonServer server, CancellationToken cancellationToken)
    {
        var read = await Blob(server).ReadAsync(cancellationToken);
        return read is { } found ? (SolidayJson.Deserialize<PollCheckpoint>(found.Content), found.ETag) : (new PollCheckpoint(), null);
    }

    /// <summary>Writes the checkpoint if it is still the version read; the new ETag, or null when another poller wrote first.</summary>
    public Task<ETag?> TrySaveAsync(MastodonServer server, PollCheckpoint checkpoint, ETag? readETag, CancellationToken cancellationToken) =>
        Blob(server).TryReplaceAsync(SolidayJson.Serialize(checkpoint), BlobWrites.Json, readETag, cancellationToken);

    private BlobClient Blob(MastodonServer server) =>
        blobs.GetBlobContainerClient(StorageLayout.Hashtags).GetBlobClient(StorageLayout.PollCheckpoint(server.Key));
}
