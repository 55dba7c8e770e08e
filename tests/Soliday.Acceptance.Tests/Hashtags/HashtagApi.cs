using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>A webhook request signed as the contract says, kept so a test can send it again, or change it after signing.</summary>
public sealed record SignedPost(string Body, string Timestamp, string Signature)
{
    /// <summary>Signs <paramref name="post"/> as a sender does: HMAC-SHA256 of "{timestamp}.{body}" with the shared secret, hex.</summary>
    public static SignedPost Of(object post, string secret, DateTimeOffset? signedAt = null)
    {
        var body = JsonSerializer.Serialize(post, SolidayApi.Json);
        var timestamp = (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return new SignedPost(body, timestamp, $"sha256={Convert.ToHexStringLower(mac)}");
    }

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/hooks/posts") { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        if (Timestamp.Length > 0)
        {
            request.Headers.Add("X-Soliday-Timestamp", Timestamp);
        }

        if (Signature.Length > 0)
        {
            request.Headers.Add("X-Soliday-Signature", Signature);
        }

        return request;
    }
}

/// <summary>Following posts with the hashtag through the curators' API and the host's storage.</summary>
public static class HashtagApi
{
    /// <summary>Every entry the curators' API lists, in any state, that was taken from a post at <paramref name="postUrl"/>.</summary>
    public static async Task<IReadOnlyList<JsonNode>> EntriesFromAsync(this HttpClient curator, string postUrl)
    {
        using var response = await curator.GetAsync("/api/curation/queue?state=all");
        response.EnsureSuccessStatusCode();
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray()
            .Where(item => item!["sourceUrl"]?.GetValue<string>() == postUrl)
            .Select(item => item!)];
    }

    /// <summary>Waits until the post at <paramref name="postUrl"/> waits for a curator; fails if it never does.</summary>
    public static async Task<JsonNode> WaitForPostAsync(this HttpClient curator, string postUrl)
    {
        JsonNode? found = null;
        await SolidayApi.EventuallyAsync(async () =>
        {
            found = (await curator.EntriesFromAsync(postUrl)).FirstOrDefault(e => e["state"]!.GetValue<string>() == "awaiting-curation");
            return found is not null;
        }, $"the post {postUrl} waits for a curator");
        return found!;
    }

    public static QueueClient PostQueue(this SolidayHost host, string name = "hashtag-posts", QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(host.QueueConnectionString, name, new QueueClientOptions { MessageEncoding = encoding });

    /// <summary>Waits until the hashtag queue holds nothing, not even a message being taken in.</summary>
    public static Task WaitForPostQueueToEmptyAsync(this SolidayHost host) =>
        SolidayApi.EventuallyAsync(async () => (await host.PostQueue().GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the hashtag queue empties");

    /// <summary>How many entry records the host holds.</summary>
    public static async Task<int> EntryCountAsync(this SolidayHost host)
    {
        var count = 0;
        await foreach (var blob in host.Blobs.GetBlobContainerClient("entries").GetBlobsAsync())
        {
            count += blob.Name.Length == 32 + ".json".Length ? 1 : 0;
        }

        return count;
    }

    public static async Task<string> CurationPageAsync(this SolidayHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/curation");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.CuratorToken);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public static IReadOnlyList<JsonNode> Flags(this JsonNode item, string code) =>
        [.. item["flags"]!.AsArray().Where(f => f!["code"]!.GetValue<string>() == code).Select(f => f!)];
}
