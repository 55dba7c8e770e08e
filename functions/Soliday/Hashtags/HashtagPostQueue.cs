using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Storage.Queues;
using Soliday.Storage;

namespace Soliday.Hashtags;

/// <summary>
/// The <c>hashtag-posts</c> queue: the poller and the webhook put posts on it; the
/// <see cref="HashtagTriggers.IngestPost"/> trigger on either host takes them off, and after
/// <c>maxDequeueCount</c> failed tries a message moves to <c>hashtag-posts-poison</c>.
/// </summary>
public sealed class HashtagPostQueue(QueueServiceClient queues)
{
    public const string Name = "hashtag-posts";

    /// <summary>The name the Functions runtime gives a queue's poison queue; Soliday.Local uses the same.</summary>
    public const string PoisonName = Name + "-poison";

    /// <summary>
    /// Soliday's JSON shape, with letters outside ASCII written as they are rather than as
    /// <c>\uXXXX</c> (six bytes each). This JSON never goes into a page, so HTML-safe escaping buys
    /// nothing here, and the bounds of <see cref="HashtagPost"/> then keep any message under 41 KB (a test holds it there):
    /// inside the 48 KB a Base64 queue message can carry.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(SolidayJson.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task SendAsync(HashtagPost post, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(Name);
        await queue.SendMessageAsync(BinaryData.FromObjectAsJson(post, Json), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Puts a message on the poison queue at once, as it was, where curators see it with its
    /// reason (<see cref="PoisonedPosts"/>): for a post no number of tries would take in now. Kept
    /// until someone deals with it, as the runtime keeps the messages it sets aside.
    /// </summary>
    public async Task SetAsideAsync(string message, CancellationToken cancellationToken)
    {
        var poison = queues.GetQueueClient(PoisonName);
        await poison.SendMessageAsync(message, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken);
    }

    /// <summary>Reads a message back; null when it is not a post at all.</summary>
    public static HashtagPost? Read(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<HashtagPost>(message, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
