using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Hashtags.Bluesky;

/// <summary>
/// One checkpoint blob per Bluesky service, beside the Mastodon servers' (<c>checkpoints/bluesky-…</c>),
/// written only if unchanged since read (ETag): two pollers cannot both claim a poll.
/// </summary>
public sealed class BlueskyCheckpoints(BlobServiceClient blobs, TokenSigner signer, IOptions<HashtagOptions> options)
{
    private const string Purpose = "bluesky-settings";

    public bool IsConfigured => options.Value.Bluesky.IsConfigured;

    /// <summary>The checkpoint and its ETag; a new checkpoint and no ETag for a service never polled.</summary>
    public async Task<(BlueskyCheckpoint Checkpoint, ETag? ETag)> ReadAsync(CancellationToken cancellationToken)
    {
        var read = await Blob().ReadAsync(cancellationToken);
        return read is { } found ? (SolidayJson.Deserialize<BlueskyCheckpoint>(found.Content), found.ETag) : (new BlueskyCheckpoint(), null);
    }

    /// <summary>Writes the checkpoint if it is still the version read; the new ETag, or null when another poller wrote first.</summary>
    public Task<ETag?> TrySaveAsync(BlueskyCheckpoint checkpoint, ETag? readETag, CancellationToken cancellationToken) =>
        Blob().TryReplaceAsync(SolidayJson.Serialize(checkpoint), BlobWrites.Json, readETag, cancellationToken);

    /// <summary>The settings signed in with, as a keyed hash: equal while they are unchanged, and no clue to the password.</summary>
    public string SettingsKey()
    {
        var bluesky = options.Value.Bluesky;
        return Convert.ToHexStringLower(signer.Sign(Purpose, $"{bluesky.ServiceUrl.AbsoluteUri}\n{bluesky.Handle?.Trim().TrimStart('@').ToLowerInvariant()}\n{bluesky.AppPassword?.Trim()}").AsSpan(0, 16));
    }

    /// <summary>
    /// Why Bluesky is not read now, for the curation page and <c>/api/health</c>: the refused
    /// sign-in of these settings, if any. Null when Bluesky is not configured or all is well.
    /// </summary>
    public async Task<BlueskySignInRefusal?> CurrentRefusalAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return null;
        }

        var (checkpoint, _) = await ReadAsync(cancellationToken);
        return checkpoint.SignInRefused is { } refusal && refusal.SettingsKey == SettingsKey() ? refusal : null;
    }

    /// <summary>The refusal as curators read it: what happened, what it stops, and how to put it right.</summary>
    public static string ForCurators(BlueskySignInRefusal refusal) =>
        $"Posts with the hashtag are not being read from Bluesky: {refusal.Reason} Set a new app password (Hashtags:Bluesky:AppPassword; in Azure, the Key Vault secret " +
        $"hashtags-bluesky-app-password) or the right handle: Soliday signs in again as soon as the settings change, and otherwise tries once more at {refusal.RetryAt:yyyy-MM-dd HH:mm} UTC.";

    private BlobClient Blob() =>
        blobs.GetBlobContainerClient(StorageLayout.Hashtags).GetBlobClient(StorageLayout.PollCheckpoint(options.Value.Bluesky.CheckpointKey));
}
