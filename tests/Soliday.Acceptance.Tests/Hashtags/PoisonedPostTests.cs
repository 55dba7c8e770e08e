using Azure.Storage.Queues;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>A message that cannot be taken in is tried, set aside on the poison queue with its reason, and shown to curators.</summary>
[Collection(HashtagHostCollection.Name)]
public sealed class PoisonedPostTests(HashtagHost hashtags)
{
    private SolidayHost Host => hashtags.Host;

    [Fact]
    public async Task A_malformed_message_ends_in_the_poison_queue_and_on_the_curation_page_with_its_reason()
    {
        var message = $"this is not a post {Guid.NewGuid():N}";

        await Host.PostQueue().SendMessageAsync(message);

        await WaitForPoisonAsync(message);
        var page = await Host.CurationPageAsync();
        Assert.Contains("Posts that could not be taken in", page);
        Assert.Contains($"Not a post: {message}", page);
        Assert.Contains("The message is not a post", page);
        Assert.Contains("(tried 5 times)", page); // host.json's maxDequeueCount, on the local host too
    }

    [Fact]
    public async Task A_message_that_is_not_even_Base64_is_set_aside_at_once()
    {
        var message = $"%% not base64 {Guid.NewGuid():N} %%";

        await Host.PostQueue(encoding: QueueMessageEncoding.None).SendMessageAsync(message);

        await WaitForPoisonAsync(message);
        var page = await Host.CurationPageAsync();
        Assert.Contains($"Not a post: {message}", page);
        Assert.Contains("not Base64", page);
    }

    private Task WaitForPoisonAsync(string message) =>
        SolidayApi.EventuallyAsync(async () =>
            (await Host.PostQueue("hashtag-posts-poison").PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == message),
            $"'{message}' reaches the poison queue");
}
