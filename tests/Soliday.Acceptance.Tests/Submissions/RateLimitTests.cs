using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>Each test its own host, with limits small enough to meet.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Forty_entries_sent_at_once_from_one_address_take_exactly_the_limit_of_twenty()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Submissions__RateLimitPerHour"] = "20" });

        // All at once: a check made before any of them was counted would let every one through.
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            host.Http.PostAsync("/api/submissions", new SubmissionBuilder().WithoutPhoto().With("caption", $"Burst entry {i}").Build())));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Refused_and_malformed_posts_count_against_the_attempts_an_address_may_make()
    {
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Submissions__RateLimitPerHour"] = "2",
            ["Submissions__AttemptLimitPerHour"] = "3",
        });
        using var noConsent = await host.Http.PostAsync("/api/submissions", new SubmissionBuilder().Without("consent").Build());
        using var notAForm = await host.Http.PostAsync("/api/submissions", new StringContent("{\"caption\": \"hello\"}", System.Text.Encoding.UTF8, "application/json"));
        using var noCaption = await host.Http.PostAsync("/api/submissions", new SubmissionBuilder().WithoutPhoto().Without("caption").Build());

        using var good = await host.Http.PostAsync("/api/submissions", new SubmissionBuilder().Build());
        using var browserPage = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = new SubmissionBuilder().Build() };
        browserPage.Headers.Accept.ParseAdd("text/html");
        using var goodInABrowser = await host.Http.SendAsync(browserPage);

        Assert.All([noConsent, notAForm, noCaption], r => Assert.True((int)r.StatusCode is >= 400 and < 500 and not 429, $"a malformed post answered {(int)r.StatusCode}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, good.StatusCode); // the limit of entries (2) was never reached
        Assert.True(good.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("too-many-attempts", (await good.ProblemAsync())["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, goodInABrowser.StatusCode);
        Assert.Contains("Too many tries", await goodInABrowser.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Past_the_attempts_limit_a_post_is_refused_before_its_body_is_read()
    {
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Submissions__RateLimitPerHour"] = "1",
            ["Submissions__AttemptLimitPerHour"] = "1",
        });
        using var first = await host.Http.PostAsync("/api/submissions", new SubmissionBuilder().Build());

        // A gigabyte announced, sent only once the server asks for it (Expect: 100-continue).
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = host.Http.BaseAddress };
        var huge = new CountingContent(length: 1L << 30);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = huge };
        request.Headers.ExpectContinue = true;
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(0, huge.BytesSent);
    }

    [Fact]
    public async Task Past_the_hourly_limit_an_address_is_asked_kindly_to_wait()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Submissions__RateLimitPerHour"] = "2" });
        await host.Http.SubmitAsync(new SubmissionBuilder());
        var key = Guid.NewGuid().ToString();
        await SendWithKeyAsync(host, key);

        using var repeat = await SendWithKeyAsync(host, key); // the same entry again does not count
        using var third = await host.Http.PostAsync("/api/submissions", new SubmissionBuilder().Build());
        using var browserPage = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = new SubmissionBuilder().Build() };
        browserPage.Headers.Accept.ParseAdd("text/html");
        using var thirdInABrowser = await host.Http.SendAsync(browserPage);

        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.True(third.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("rate-limited", (await third.ProblemAsync())["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdInABrowser.StatusCode);
        Assert.Contains("Thank you", await thirdInABrowser.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forwarded_header_the_client_wrote_itself_does_not_escape_the_limit()
    {
        // No proxy is configured, so X-Forwarded-For is whatever the sender chose to write.
        await using var host = await SolidayHost.StartAsync(new() { ["Submissions__RateLimitPerHour"] = "2" });

        var statuses = await SendThreeAsync(host, i => $"198.51.100.{i}");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_only_the_address_it_appended_counts()
    {
        await using var host = await SolidayHost.StartAsync(new()
        {
            ["Submissions__RateLimitPerHour"] = "2",
            ["Submissions__ClientAddressHeader"] = "X-Forwarded-For",
        });

        // The proxy appends the address it saw; what the resident wrote before it changes nothing.
        var statuses = await SendThreeAsync(host, i => $"198.51.100.{i}, 203.0.113.7");
        using var neighbour = await host.Http.PostSubmissionAsync(new SubmissionBuilder(), forwardedFor: "198.51.100.1, 203.0.113.8");

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, neighbour.StatusCode); // another resident behind the same proxy
    }

    private static async Task<List<HttpStatusCode>> SendThreeAsync(SolidayHost host, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var response = await host.Http.PostSubmissionAsync(new SubmissionBuilder(), forwardedFor: forwardedFor(i));
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    private static Task<HttpResponseMessage> SendWithKeyAsync(SolidayHost host, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = new SubmissionBuilder().Build() };
        request.Headers.Add("Idempotency-Key", key);
        return host.Http.SendAsync(request);
    }

    /// <summary>A multipart-looking body of <c>length</c> bytes that counts what was asked of it.</summary>
    private sealed class CountingContent : HttpContent
    {
        private readonly long _length;

        public CountingContent(long length)
        {
            _length = length;
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=soliday");
        }

        public long BytesSent { get; private set; }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            while (BytesSent < _length)
            {
                var size = (int)Math.Min(chunk.Length, _length - BytesSent);
                await stream.WriteAsync(chunk.AsMemory(0, size));
                BytesSent += size;
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
