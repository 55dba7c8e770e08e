using System.Text;
using System.Text.Json;
using Soliday.Hashtags;

namespace Soliday.Tests.Hashtags.Bluesky;

/// <summary>A post carried with its labels still fits one queue message, whatever its fields hold within their bounds.</summary>
public sealed class QueueMessageBoundsTests
{
    /// <summary>What a Base64 queue message can carry: 64 KB of Base64 is 48 KB of JSON.</summary>
    private const int MaxMessageBytes = 48 * 1024;

    [Fact]
    public void A_post_at_every_bound_in_three_byte_letters_fits_a_queue_message()
    {
        static string Of(int length) => new('€', length);
        var url = "https://bsky.app/" + new string('a', HashtagPost.MaxUrlLength - "https://bsky.app/".Length);
        var post = new HashtagPost
        {
            Source = new string('b', HashtagPost.MaxSourceLength),
            Url = url,
            PostId = Of(HashtagPost.MaxIdLength),
            Server = url,
            CreatedAt = DateTimeOffset.UnixEpoch,
            Text = Of(HashtagPost.MaxTextLength),
            Author = new PostAuthor(Of(HashtagPost.MaxNameLength), Of(HashtagPost.MaxNameLength), url),
            Media = [.. Enumerable.Range(0, 4).Select(_ => new PostMedia(url, Of(HashtagPost.MaxAltLength)))],
            ContentWarning = Of(HashtagPost.MaxContentWarningLength),
            Labels = [.. Enumerable.Range(0, HashtagPost.MaxLabels).Select(_ => Of(HashtagPost.MaxLabelLength))],
        };
        Assert.Empty(post.Check());

        var bytes = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(post, HashtagPostQueue.Json));

        Assert.True(bytes <= MaxMessageBytes, $"{bytes} bytes");
    }
}
