using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Soliday.Hashtags;

/// <summary>A message the queue gave up on, as curators see it: what it was, and why it failed.</summary>
/// <param name="Url">The post's address, when the message is a post at all.</param>
/// <param name="Attempts">How many tries recorded a reason.</param>
public sealed record PoisonedPost(string MessageId, DateTimeOffset? SetAsideAt, string What, string? Url, string Reason, int? Attempts);

/// <param name="Total">All the poison queue holds; <see cref="Shown"/> are the oldest of them.</param>
/// <param name="Unreadable">The queue could not be read; its messages are in the storage account.</param>
public sealed record PoisonedPostList(IReadOnlyList<PoisonedPost> Shown, int Total, bool Unreadable = false)
{
    public static PoisonedPostList None { get; } = new([], 0);
}

/// <summary>
/// Reads <c>hashtag-posts-poison</c> for the curation page, so a post that could not be taken in is
/// seen by people, with its reason, and never lost without anyone knowing.
/// </summary>
public sealed class PoisonedPosts(QueueServiceClient queues, IngestionFailures failures, ILogger<PoisonedPosts> logger)
{
    /// <summary>The most one peek at a queue returns.</summary>
    private const int MaxShown = 32;

    private const int MaxWhatLength = 200;

    public async Task<PoisonedPostList> ReadAsync(CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(HashtagPostQueue.PoisonName);
        try
        {
            var total = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            if (total == 0)
            {
                return PoisonedPostList.None;
            }

            var shown = new List<PoisonedPost>();
            foreach (var message in (await queue.PeekMessagesAsync(MaxShown, cancellationToken)).Value)
            {
                var text = message.Body.ToString();
                var failure = await failures.FindAsync(text, cancellationToken);
                var post = HashtagPostQueue.Read(text);
                shown.Add(new PoisonedPost(
                    message.MessageId,
                    message.InsertedOn,
                    post is { Author: not null, Source: not null } ? $"A {post.Source} post by {post.Credit()}" : $"Not a post: {PostText.Bounded(PostText.Tidy(text), MaxWhatLength)}",
                    HashtagPost.IsWebAddress(post?.Url) ? post!.Url : null,
                    failure?.Reason ?? "No reason was recorded: its last try may have been cut off (a time-out or a restart).",
                    failure?.Attempts));
            }

            return new PoisonedPostList(shown, Math.Max(total, shown.Count));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return PoisonedPostList.None; // no poison queue yet: nothing ever failed
        }
        catch (Exception e) when (e is RequestFailedException or FormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            logger.LogError(e, "The hashtag poison queue could not be read");
            return new PoisonedPostList([], 1, Unreadable: true);
        }
    }
}
