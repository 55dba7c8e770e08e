using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Storage;

namespace Soliday.Submissions;

/// <summary>A photo that came with a post the form sent back, as kept for the next try: its position, its token, its size.</summary>
/// <param name="Number">The photo's place on the form, from 1: the n-th <c>kept</c> field goes with the n-th <c>photo</c>.</param>
public sealed record KeptPhoto(int Number, string Token, string ContentType, long Bytes);

/// <summary>A photo that passed its checks in a post that was sent back: worth keeping for the next try.</summary>
public sealed record KeepablePhoto(int Number, ReadOnlyMemory<byte> Content, string ContentType);

/// <summary>
/// Keeps the photos of a post the form sent back (consent not ticked, a description missing), so a
/// resident who fixes the form need not choose them again; a browser never keeps a chosen file
/// across pages. Kept:
/// <list type="bullet">
/// <item>private: in the <c>uploads</c> container, beside the originals, never on the site;</item>
/// <item>bounded: only photos that passed the checks, at most four for one form, the post's own
/// limit in all, each try's replacing the last (and every post is counted by the attempt limit);</item>
/// <item>for the form that sent them: under the entry id its form token stands for, named by a
/// random 128-bit token the re-shown form carries in a hidden field; another form cannot name them;</item>
/// <item>for a day (<see cref="SubmissionOptions.KeptPhotoLifetime"/>): an expired one is never used,
/// and is swept when another photo is kept (at most 24 times in a lifetime), and in Azure by a
/// lifecycle rule on <c>uploads/kept/</c>;</item>
/// <item>erased with the entry: taking it down, a curator's removal and a rejection delete
/// <see cref="StorageLayout.KeptPhotos"/> with the rest. An entry that is taken in leaves them to
/// expire rather than deleting them at once: a retried post of the same form (a double click, an
/// answer lost on the way) must find them again to be the same entry.</item>
/// </list>
/// </summary>
public sealed class KeptPhotos(BlobServiceClient blobs, IOptions<SubmissionOptions> options, TimeProvider clock, ILogger<KeptPhotos> logger)
{
    /// <summary>128 random bits: the kept photo cannot be named by guessing.</summary>
    private const int TokenBytes = 16;

    /// <summary>Sweeping lists every kept photo: at most this many times in one lifetime, however busy the form.</summary>
    private const int SweepsPerLifetime = 24;

    private long _lastSweepTicks;

    private BlobContainerClient Uploads => blobs.GetBlobContainerClient(StorageLayout.Uploads);

    private TimeSpan Lifetime => options.Value.KeptPhotoLifetime;

    /// <summary>Keeps <paramref name="photos"/> for the form that will send entry <paramref name="id"/>, in place of any kept before.</summary>
    public async Task<IReadOnlyList<KeptPhoto>> KeepAsync(string id, IReadOnlyList<KeepablePhoto> photos, CancellationToken cancellationToken)
    {
        await SweepIfDueAsync(cancellationToken);
        if (photos.Count == 0)
        {
            return [];
        }

        await ForgetAsync(id, cancellationToken);
        var kept = new List<KeptPhoto>(photos.Count);
        foreach (var photo in photos)
        {
            var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
            await Uploads.GetBlobClient(StorageLayout.KeptPhoto(id, token))
                .CreateOnceAsync(new BinaryData(photo.Content), BlobWrites.Headers(photo.ContentType), cancellationToken);
            kept.Add(new KeptPhoto(photo.Number, token, photo.ContentType, photo.Content.Length));
        }

        logger.LogInformation("Submission {SubmissionId}: {PhotoCount} photo(s) kept for the next try", id, kept.Count);
        return kept;
    }

    /// <summary>A kept photo's bytes, or null: no such token for this form, or kept longer than its lifetime (then it goes now).</summary>
    public async Task<BinaryData?> FindAsync(string id, string token, CancellationToken cancellationToken) =>
        (await DownloadAsync(id, token, cancellationToken))?.Content;

    /// <summary>A kept photo with its type, for the preview on the form sent back; null as for <see cref="FindAsync"/>.</summary>
    public Task<(BinaryData Content, string ContentType)?> PreviewAsync(string id, string token, CancellationToken cancellationToken) =>
        DownloadAsync(id, token, cancellationToken);

    private async Task<(BinaryData Content, string ContentType)?> DownloadAsync(string id, string token, CancellationToken cancellationToken)
    {
        if (!SubmissionId.IsValid(id) || !IsToken(token))
        {
            return null;
        }

        var blob = Uploads.GetBlobClient(StorageLayout.KeptPhoto(id, token));
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            if (IsExpired(download.Value.Details.LastModified))
            {
                await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken);
                return null;
            }

            return (download.Value.Content, download.Value.Details.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The kept photos of entry <paramref name="id"/>'s form go: used by the entry, replaced, or erased with it.</summary>
    public Task ForgetAsync(string id, CancellationToken cancellationToken) =>
        blobs.DeleteAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id), cancellationToken);

    /// <summary>Deletes every kept photo past its lifetime.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await foreach (var blob in Uploads.GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.KeptFolder }, cancellationToken))
        {
            if (IsExpired(blob.Properties.LastModified ?? DateTimeOffset.MinValue))
            {
                await Uploads.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }
    }

    private async Task SweepIfDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now - last < (Lifetime / SweepsPerLifetime).Ticks || Interlocked.CompareExchange(ref _lastSweepTicks, now, last) != last)
        {
            return; // swept lately, or another request is sweeping now
        }

        try
        {
            await SweepAsync(cancellationToken);
        }
        catch (RequestFailedException e)
        {
            // The next keep sweeps again; the resident's photo is kept all the same.
            logger.LogWarning(e, "Kept photos could not be swept");
        }
    }

    private bool IsExpired(DateTimeOffset storedAt) => clock.GetUtcNow() - storedAt > Lifetime;

    /// <summary>The shape of a token we hand out (22 characters of base64url), checked before storage is asked.</summary>
    private static bool IsToken(string token) =>
        token.Length == 22 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
