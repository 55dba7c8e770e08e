using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>
/// One author, or one server, posting more than its hourly limit: the first posts up to the limit
/// reach the curators, the rest are set aside where curators see them with the reason, none dropped.
/// </summary>
[Collection(IntakeLimitHostCollection.Name)]
public sealed class IntakeLimitTests(IntakeLimitHost limits)
{
    private SolidayHost Host => limits.Host;

    [Fact]
    public async Task An_author_posting_more_than_their_hourly_limit_reaches_curators_that_many_times_and_the_rest_are_set_aside_with_the_reason()
    {
        await WithinOneClockHourAsync();
        var posts = Enumerable.Range(1, IntakeLimitHost.PerAuthor + 2)
            .Select(i => limits.Mastodon.Post($"<p>Ivy's photo diary, part {i} #Soliday</p>", username: "ivy", displayName: "Ivy"))
            .ToList();
        var urls = posts.Select(limits.Mastodon.StatusUrl).ToList();

        var setAside = await WaitForSetAsideAsync(urls, expected: 2);
        await SolidayApi.EventuallyAsync(async () => await WaitingCountAsync(urls) == IntakeLimitHost.PerAuthor, $"{IntakeLimitHost.PerAuthor} of Ivy's posts wait for a curator");
        await Host.WaitForPostQueueToEmptyAsync();

        Assert.Equal(IntakeLimitHost.PerAuthor, await WaitingCountAsync(urls));
        Assert.Equal(urls.Count, setAside.Count + IntakeLimitHost.PerAuthor); // none dropped
        var page = WebUtility.HtmlDecode(await Host.CurationPageAsync());
        Assert.Contains($"Its author sent more than {IntakeLimitHost.PerAuthor} posts in an hour", page);
        Assert.All(setAside, url => Assert.Contains($"href=\"{url}\"", page));
        Assert.Contains("A mastodon post by Ivy (@ivy@127.0.0.1)", page);
    }

    [Fact]
    public async Task A_server_sending_more_than_its_hourly_limit_reaches_curators_that_many_times_and_the_rest_are_set_aside_with_the_reason()
    {
        await WithinOneClockHourAsync();
        var urls = new List<string>();
        for (var i = 1; i <= IntakeLimitHost.PerServer + 1; i++)
        {
            // A different author each time, none near their own limit: only the server's limit applies.
            var url = $"https://flood.example/@user{i}/{Guid.NewGuid():N}";
            var post = new
            {
                source = "relay",
                id = $"flood-{i}",
                url,
                createdAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                text = $"Post {i} from a busy server #Soliday",
                author = new { name = $"User {i}", handle = $"@user{i}@flood.example" },
            };
            using var response = await Host.Http.SendAsync(SignedPost.Of(post, HashtagHost.WebhookSecret).ToRequest());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            urls.Add(url);
        }

        var setAside = await WaitForSetAsideAsync(urls, expected: 1);
        await SolidayApi.EventuallyAsync(async () => await WaitingCountAsync(urls) == IntakeLimitHost.PerServer, $"{IntakeLimitHost.PerServer} of the server's posts wait for a curator");
        await Host.WaitForPostQueueToEmptyAsync();

        Assert.Equal(IntakeLimitHost.PerServer, await WaitingCountAsync(urls));
        Assert.Single(setAside);
        var page = WebUtility.HtmlDecode(await Host.CurationPageAsync());
        Assert.Contains($"Its author's server (flood.example) sent more than {IntakeLimitHost.PerServer} posts in an hour", page);
        Assert.Contains($"href=\"{setAside[0]}\"", page);
    }

    /// <summary>How many of these posts wait for a curator.</summary>
    private async Task<int> WaitingCountAsync(IReadOnlyList<string> urls)
    {
        var count = 0;
        foreach (var url in urls)
        {
            count += (await Host.Curator.EntriesFromAsync(url)).Count(e => e["state"]!.GetValue<string>() == "awaiting-curation");
        }

        return count;
    }

    /// <summary>Waits until <paramref name="expected"/> of these posts are on the poison queue; returns their addresses.</summary>
    private async Task<IReadOnlyList<string>> WaitForSetAsideAsync(IReadOnlyList<string> urls, int expected)
    {
        List<string> found = [];
        await SolidayApi.EventuallyAsync(async () =>
        {
            var messages = (await Host.PostQueue(Soliday.Hashtags.HashtagPostQueue.PoisonName).PeekMessagesAsync(32)).Value;
            found = [.. messages.Select(m => Soliday.Hashtags.HashtagPostQueue.Read(m.Body.ToString())?.Url).OfType<string>().Where(urls.Contains)];
            return found.Count >= expected;
        }, $"{expected} post(s) are set aside");
        return found;
    }

    /// <summary>
    /// The limits count by the clock hour a post arrives in: a test that ran across the turn of an
    /// hour would count in two, and let more through. Near the end of an hour, wait for the next.
    /// </summary>
    private static async Task WithinOneClockHourAsync()
    {
        var now = DateTimeOffset.UtcNow;
        var untilNextHour = TimeSpan.FromHours(1) - new TimeSpan(0, now.Minute, now.Second);
        if (untilNextHour < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(untilNextHour + TimeSpan.FromSeconds(2));
        }
    }
}
