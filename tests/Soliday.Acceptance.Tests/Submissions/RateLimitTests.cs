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

    private static Task<HttpResponseMessage> SendWithKeyAsync(SolidayHost host, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = new SubmissionBuilder().Build() };
        request.Headers.Add("Idempotency-Key", key);
        return host.Http.SendAsync(request);
    }
}
