using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>Its own host: a limit of two an hour, so the third entry meets it.</summary>
public sealed class RateLimitTests
{
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
}
