using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Soliday.Entries;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>The HTTP contract of Soliday, as residents' and curators' clients call it.</summary>
public static partial class SolidayApi
{
    public static readonly TimeSpan WorkflowTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The take-down key each entry sent through <see cref="SubmitAsync"/> came back with: its sender's key to its status.</summary>
    private static readonly ConcurrentDictionary<string, string> SendersKeys = new();

    public static async Task<string> SubmitAsync(this HttpClient http, SubmissionBuilder submission)
    {
        using var response = await http.PostAsync("/api/submissions", submission.Build());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        var accepted = JsonNode.Parse(body)!;
        var id = accepted["id"]!.GetValue<string>();
        SendersKeys[id] = accepted["takedownUrl"]!.GetValue<string>().Split("key=")[1];
        return id;
    }

    /// <summary>The take-down key of an entry this test sent with <see cref="SubmitAsync"/>.</summary>
    public static string SendersKey(string id) => SendersKeys[id];

    /// <summary>
    /// Sends a submission as an API client would, optionally with an <c>Idempotency-Key</c> and with an
    /// <c>X-Forwarded-For</c> header of the client's (or a proxy's) making; the response is the caller's to check.
    /// </summary>
    public static async Task<HttpResponseMessage> PostSubmissionAsync(this HttpClient http, SubmissionBuilder submission, string? idempotencyKey = null, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = submission.Build() };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Accepted && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is { } accepted)
        {
            SendersKeys[accepted["id"]!.GetValue<string>()] = accepted["takedownUrl"]!.GetValue<string>().Split("key=")[1];
        }

        return response;
    }

    /// <summary>
    /// The status as the entry's sender sees it: with its take-down key when it was sent with
    /// <see cref="SubmitAsync"/> (a post from elsewhere has none, and reads as anyone would).
    /// </summary>
    public static Task<JsonNode> StatusAsync(this HttpClient http, string id) =>
        http.StatusAsync(id, SendersKeys.TryGetValue(id, out var key) ? key : null);

    /// <summary>The status as anyone who knows the id sees it: no take-down key.</summary>
    public static Task<JsonNode> PublicStatusAsync(this HttpClient http, string id) => http.StatusAsync(id, key: null);

    public static async Task<JsonNode> StatusAsync(this HttpClient http, string id, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, key is null ? $"/api/submissions/{id}" : $"/api/submissions/{id}?key={key}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Polls the status until it is <paramref name="expected"/>; fails with the last status seen.</summary>
    public static async Task<JsonNode> WaitForStatusAsync(this HttpClient http, string id, string expected)
    {
        var deadline = DateTime.UtcNow + WorkflowTimeout;
        JsonNode status;
        do
        {
            status = await http.StatusAsync(id);
            if (status["status"]!.GetValue<string>() == expected)
            {
                return status;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"Entry {id} did not reach '{expected}' within {WorkflowTimeout.TotalSeconds} s; last status: {status.ToJsonString()}");
        return status;
    }

    /// <summary>Every waiting entry, page after page as the <c>Link: rel="next"</c> headers lead.</summary>
    public static async Task<JsonArray> QueueAsync(this HttpClient curator) => new([.. (await curator.QueuePagesAsync()).SelectMany(page => page).Select(item => item!.DeepClone())]);

    /// <summary>The queue's pages for <paramref name="query"/>, each as the API sent it, following the <c>Link: rel="next"</c> headers to the last.</summary>
    public static async Task<List<JsonArray>> QueuePagesAsync(this HttpClient curator, string query = "")
    {
        var pages = new List<JsonArray>();
        string? url = $"/api/curation/queue{(query.Length > 0 ? "?" + query : "")}";
        while (url is not null)
        {
            using var response = await curator.GetAsync(url);
            response.EnsureSuccessStatusCode();
            pages.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray());
            url = response.Headers.TryGetValues("Link", out var links) && NextLink().Match(string.Join(",", links)) is { Success: true } next ? next.Groups[1].Value : null;
            Assert.True(pages.Count < 1_000, "The queue's Link headers never end.");
        }

        return pages;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<([^>]+)>;\\s*rel=\"next\"")]
    private static partial System.Text.RegularExpressions.Regex NextLink();

    /// <summary>The queue as the API sends it, filtered by <paramref name="query"/> (the waiting entries when empty).</summary>
    public static async Task<string> QueueJsonAsync(this HttpClient curator, string query = "")
    {
        using var response = await curator.GetAsync($"/api/curation/queue{(query.Length > 0 ? "?" + query : "")}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The ids of the entries the queue lists for <paramref name="query"/>.</summary>
    public static async Task<List<string>> QueueIdsAsync(this HttpClient curator, string query) =>
        [.. (await curator.QueuePagesAsync(query)).SelectMany(page => page).Select(item => item!["id"]!.GetValue<string>())];

    /// <summary>The curation page's HTML, as a signed-in curator's browser gets it.</summary>
    public static async Task<string> CurationPageAsync(this HttpClient curator, string query = "")
    {
        using var response = await curator.GetAsync($"/api/curation{(query.Length > 0 ? "?" + query : "")}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The entry's card on the curation page for <paramref name="query"/>, as HTML; fails when the page has none.</summary>
    /// <remarks>Waiting entries come 50 to a page: the pages are followed by their "next" links.</remarks>
    public static async Task<string> CurationCardAsync(this HttpClient curator, string id, string query = "")
    {
        var pageQuery = query;
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await curator.CurationPageAsync(pageQuery);
            if (System.Text.RegularExpressions.Regex.Match(page, $"<article[^>]*id=\"c-{id}\"[\\s\\S]*?</article>").Value is { Length: > 0 } card)
            {
                return card;
            }

            if (NextPage().Match(page) is not { Success: true } next)
            {
                break;
            }

            pageQuery = System.Net.WebUtility.HtmlDecode(next.Groups[1].Value);
        }

        throw new Xunit.Sdk.XunitException($"The curation page{(query.Length > 0 ? $" ({query})" : "")} has no card for {id}.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("<a rel=\"next\" href=\"/api/curation\\?([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex NextPage();

    public static Task<HttpResponseMessage> FeatureAsync(this HttpClient curator, string id, bool featured) =>
        curator.PostAsJsonAsync($"/api/curation/{id}/feature", new { featured });

    public static Task<HttpResponseMessage> BulkAsync(this HttpClient curator, string action, IEnumerable<string> ids, string? reason = null) =>
        curator.PostAsJsonAsync("/api/curation/bulk", new { action, ids, reason });

    /// <summary>Polls the curation queue until it lists the entry (it follows the status page by a moment).</summary>
    public static async Task<JsonNode> WaitForQueueAsync(this HttpClient curator, string id)
    {
        var deadline = DateTime.UtcNow + WorkflowTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await curator.QueueAsync()).FirstOrDefault(item => item!["id"]!.GetValue<string>() == id) is { } item)
            {
                return item;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Entry {id} never showed in the curation queue.");
        return null!;
    }

    public static Task<HttpResponseMessage> ApproveAsync(this HttpClient curator, string id) =>
        curator.PostAsync($"/api/curation/{id}/approve", null);

    public static Task<HttpResponseMessage> RejectAsync(this HttpClient curator, string id, string reason) =>
        curator.PostAsJsonAsync($"/api/curation/{id}/reject", new { reason });

    public static Task<HttpResponseMessage> EditAsync(this HttpClient curator, string id, object edit) =>
        curator.PostAsJsonAsync($"/api/curation/{id}/edit", edit);

    public static Task<HttpResponseMessage> UnpublishAsync(this HttpClient curator, string id, string reason) =>
        curator.PostAsJsonAsync($"/api/curation/{id}/unpublish", new { reason });

    public static Task<HttpResponseMessage> RemoveAsync(this HttpClient curator, string id, string reason) =>
        curator.PostAsJsonAsync($"/api/curation/{id}/remove", new { reason });

    /// <summary>Polls until <paramref name="condition"/> holds, or fails saying what was awaited.</summary>
    /// <summary>
    /// Sends the take-down as the sender's link does and checks it was taken in at once (202, being
    /// removed); then waits until its status says nothing of the entry is left.
    /// </summary>
    public static async Task TakeDownAsync(this HttpClient http, string takedownUrl)
    {
        using var removal = await http.PostAsync(takedownUrl, null);
        Assert.Equal(HttpStatusCode.Accepted, removal.StatusCode);
        var id = takedownUrl.Split('/')[^2];
        await http.WaitForErasureAsync(id, takedownUrl.Split("key=")[1]);
    }

    /// <summary>Waits until an erased entry's status says its erasure is complete.</summary>
    public static Task WaitForErasureAsync(this HttpClient http, string id, string? key = null) =>
        EventuallyAsync(async () => (await http.StatusAsync(id, key))["erasure"]?.GetValue<string>() == "complete", $"the erasure of {id} completes");

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + WorkflowTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Never happened within {WorkflowTimeout.TotalSeconds} s: {what}");
    }

    public static Task<string> DayPageAsync(this HttpClient http) => http.SiteFileAsync("index.html");

    public static Task<string> EntryPageAsync(this HttpClient http, string id) => http.SiteFileAsync($"entries/{id}.html");

    public static Task<string> HourPageAsync(this HttpClient http, int hour) => http.SiteFileAsync($"hours/{hour:00}.html");

    /// <summary>A file of the public site; fails unless it is there.</summary>
    public static async Task<string> SiteFileAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync($"/site/{path}");
        Assert.True(response.IsSuccessStatusCode, $"GET /site/{path} answered {(int)response.StatusCode}");
        // Stored and served gzipped (the search files): read as a browser would read it.
        return StoredText.Of(new BinaryData(await response.Content.ReadAsByteArrayAsync()), response.Content.Headers.ContentEncoding.FirstOrDefault());
    }

    /// <summary>Whether the site has a file at <paramref name="path"/> (an entry's page once taken down has none).</summary>
    public static async Task<bool> SiteHasAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync($"/site/{path}");
        return response.IsSuccessStatusCode;
    }

    /// <summary>
    /// Everything of the site made from the whole day: the day page, all 24 hour pages, the feeds and
    /// the open data. What must never contain an entry that is not published.
    /// </summary>
    public static async Task<string> WholeDayTextAsync(this HttpClient http)
    {
        var paths = new[] { "index.html", "feed.atom", "feed.json", "timeline.json", "iiif/collection.json", "data/entries.csv", "data/entries.jsonld", "sitemap.xml" }
            .Concat(Enumerable.Range(0, 24).Select(hour => $"hours/{hour:00}.html"));
        return string.Concat(await Task.WhenAll(paths.Select(http.SiteFileAsync)));
    }

    /// <summary>The local hour (Europe/London) a moment falls in: where an entry placed then is filed.</summary>
    public static int LocalHour(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).Hour;

    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
