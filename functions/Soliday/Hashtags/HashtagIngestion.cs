using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Submissions;

namespace Soliday.Hashtags;

/// <summary>A queue message that no number of tries can take in: not a post, or a post that breaks its bounds.</summary>
public sealed class UnreadablePostException(string message) : Exception(message);

/// <summary>
/// What the <see cref="HashtagTriggers.IngestPost"/> trigger does with each message of the
/// <c>hashtag-posts</c> queue, on either host: the post becomes a submission through the same
/// intake and workflow as the form. Its photos are fetched as hostile input
/// (<see cref="MediaDownloader"/>) and pass the same gate as the form's; one that does not is left
/// out and the curator told. A post over an hourly limit of its author or server
/// (<see cref="IntakeLimits"/>) is set aside on the poison queue at once, with its reason. A failure
/// throws, so the queue tries again and, after its <c>maxDequeueCount</c>, moves the message to the
/// poison queue; the reason is kept for the curation page (<see cref="IngestionFailures"/>).
/// </summary>
public sealed class HashtagIngestion(
    PostSubmissionIds ids,
    EntryStore entries,
    SubmissionIntake intake,
    MediaDownloader media,
    PhotoProcessor photoChecks,
    AuthorBlockList blockList,
    IntakeLimits limits,
    HashtagPostQueue queue,
    IngestionFailures failures,
    IOptions<HashtagOptions> options,
    TimeProvider clock,
    ILogger<HashtagIngestion> logger)
{
    /// <summary>A post dated further ahead than this is dated when it arrived: a wrong clock must not place it in the future.</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    public async Task IngestAsync(string message, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        Outcome outcome;
        try
        {
            outcome = await TakeInAsync(message, durable, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "A hashtag post could not be taken in; the queue will try it again or set it aside");
            await failures.RecordAsync(message, Reason(e));
            throw;
        }

        if (outcome != Outcome.SetAside)
        {
            await failures.ClearAsync(message, cancellationToken); // the set-aside post's reason stays, for the curation page
        }
    }

    private enum Outcome
    {
        TakenIn,

        /// <summary>Blocked, or taken in before: nothing to do.</summary>
        Ignored,

        /// <summary>On the poison queue with its reason, for a person to look at.</summary>
        SetAside,
    }

    private async Task<Outcome> TakeInAsync(string message, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var post = Read(message);
        if (blockList.IsBlocked(post.Author))
        {
            logger.LogInformation("A {Source} post ignored: its author is on the block list", post.Source);
            return Outcome.Ignored;
        }

        var id = ids.For(post);
        if (await entries.FindAsync(id, cancellationToken) is not null)
        {
            logger.LogInformation("A {Source} post already taken in as submission {SubmissionId}", post.Source, id);
            return Outcome.Ignored; // the same post again, from the same source or another: one entry
        }

        if (await limits.CountAsync(post, id, cancellationToken) is { } overLimit)
        {
            // The reason first: a post on the poison queue without one would be shown as "no reason recorded".
            logger.LogWarning("A {Source} post set aside ({Code}): submission {SubmissionId} not taken in", post.Source, overLimit.Code, id);
            await failures.RecordAsync(message, overLimit.Reason);
            await queue.SetAsideAsync(message, cancellationToken);
            return Outcome.SetAside;
        }

        var (photos, flags) = await FetchPhotosAsync(post, cancellationToken);
        if (post.ContentWarning is { } warning)
        {
            flags.Add(new EntryFlag(FlagCodes.ContentWarning, $"The author put a content warning on this post: \"{warning}\"."));
        }

        if (post.Labels.Count > 0)
        {
            flags.Add(new EntryFlag(FlagCodes.ContentWarning, $"The post is labelled at its source: {string.Join("; ", post.Labels)}."));
        }

        var now = clock.GetUtcNow();
        var draft = new SubmissionDraft(
            post.Text,
            photos,
            post.Credit(),
            Licences.FindKnown(options.Value.Licence) ?? Licences.WithPermission,
            post.Source,
            SourcePost: new SourcePost(post.Url, post.CreatedAt > now + FutureTolerance ? now : post.CreatedAt, post.Server, post.PostId),
            IntakeFlags: flags);
        await intake.AcceptAsync(draft, fingerprint: null, id, durable, cancellationToken);
        logger.LogInformation("A {Source} post taken in as submission {SubmissionId} with {PhotoCount} photo(s)", post.Source, id, photos.Count);
        return Outcome.TakenIn;
    }

    private async Task<(List<DraftPhoto> Photos, List<EntryFlag> Flags)> FetchPhotosAsync(HashtagPost post, CancellationToken cancellationToken)
    {
        var photos = new List<DraftPhoto>();
        var flags = new List<EntryFlag>();
        for (var i = 0; i < post.Media.Count; i++)
        {
            var download = await media.DownloadAsync(post.Media[i].Url, cancellationToken);
            if (download.Refusal is { } refusal)
            {
                flags.Add(new EntryFlag(FlagCodes.MediaRefused, $"Photo {i + 1} of the post was not taken: {refusal.Message}."));
                continue;
            }

            // The form's own gate, in a decode slot and its time budget: format by content, bytes,
            // metadata, pixels and sides, before anything is stored.
            var check = await photoChecks.CheckAsync(download.Content!, cancellationToken);
            if (check.Refusal is { } photoRefusal)
            {
                flags.Add(new EntryFlag(FlagCodes.MediaRefused, $"Photo {i + 1} of the post was not taken ({photoRefusal.Code}): {photoRefusal.Message}"));
                continue;
            }

            photos.Add(new DraftPhoto(download.Content!, ImageFormats.ContentType(check.Format!), post.Media[i].Description ?? ""));
        }

        return (photos, flags);
    }

    private static HashtagPost Read(string message)
    {
        HashtagPost? post;
        try
        {
            post = JsonSerializer.Deserialize<HashtagPost>(message, HashtagPostQueue.Json);
        }
        catch (JsonException e)
        {
            throw new UnreadablePostException($"The message is not a post: {e.Message}");
        }

        var problems = post?.Check() ?? new Dictionary<string, string> { ["message"] = "It is empty." };
        return problems.Count == 0
            ? post!
            : throw new UnreadablePostException($"The post cannot be taken in: {string.Join(" ", problems.Select(p => $"{p.Key}: {p.Value}"))}");
    }

    /// <summary>Words for the curation page, where the message is listed once the queue gives up on it.</summary>
    private static string Reason(Exception e) => e switch
    {
        UnreadablePostException => e.Message,
        TimeoutException => e.Message,
        HttpRequestException => $"A photo could not be fetched: {e.Message}",
        _ => $"It failed while being taken in ({e.GetType().Name}): {e.Message}",
    };
}
