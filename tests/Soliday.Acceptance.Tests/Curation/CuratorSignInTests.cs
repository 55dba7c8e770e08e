using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary>
/// The curator token is the one secret between anyone and the day's curation: a session must not
/// outlive it, a browser's sign-out and purge must come from our own page, and guessing must be slow.
/// </summary>
public sealed partial class CuratorSignInTests
{
    private const string Origin = "http://127.0.0.1";

    [Fact]
    public async Task A_session_ends_when_the_curator_token_changes()
    {
        await using var host = await SolidayHost.StartAsync();
        var browser = await SignInAsync(host, host.CuratorToken);
        using (var before = await browser.GetAsync(host, "/api/curation/queue"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        // The token leaked, so it is replaced (in Azure: a new Key Vault version, picked up on restart).
        var newToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await host.KillAsync();
        await host.RestartAsync(new() { ["Curation__LocalToken"] = newToken });
        using var after = await browser.GetAsync(host, "/api/curation/queue");
        using var page = await browser.GetAsync(host, "/api/curation");
        using var withTheNewToken = new HttpRequestMessage(HttpMethod.Get, "/api/curation/queue") { Headers = { Authorization = new("Bearer", newToken) } };
        using var newTokenAnswer = await host.Http.SendAsync(withTheNewToken);

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal("/api/curation/signin", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, newTokenAnswer.StatusCode);
    }

    [Fact]
    public async Task Sign_out_and_purge_history_from_a_browser_need_the_curation_page_s_form_token()
    {
        await using var host = await SolidayHost.StartAsync();
        var browser = await SignInAsync(host, host.CuratorToken);

        using var forgedSignOut = await browser.PostAsync(host, "/api/curation/signout", new FormUrlEncodedContent([]));
        using var stillSignedIn = await browser.GetAsync(host, "/api/curation/queue");
        using var forgedPurge = await browser.PostAsync(host, "/api/operations/purge-history", JsonContent.Create(new { olderThanDays = 3650 }));
        using var forgedBearerPurge = await browser.PostAsync(host, "/api/operations/purge-history", JsonContent.Create(new { olderThanDays = 3650 }), bearer: host.CuratorToken);

        using var curationPage = await browser.GetAsync(host, "/api/curation");
        var formToken = FormTokenField().Match(await curationPage.Content.ReadAsStringAsync()).Groups[1].Value;
        using var purge = await browser.PostAsync(host, "/api/operations/purge-history", JsonContent.Create(new { olderThanDays = 3650, formToken }));
        using var signOut = await browser.PostAsync(host, "/api/curation/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["form-token"] = formToken }));

        Assert.Equal(HttpStatusCode.BadRequest, forgedSignOut.StatusCode);
        Assert.Equal("form-token", (await forgedSignOut.ProblemAsync())["code"]!.GetValue<string>());
        Assert.False(forgedSignOut.Headers.Contains("Set-Cookie") && forgedSignOut.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("soliday-curator=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forgedPurge.StatusCode);
        Assert.Equal("form-token", (await forgedPurge.ProblemAsync())["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, forgedBearerPurge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, purge.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("soliday-curator=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_tokens_from_one_address_at_sign_in_and_as_bearer_tokens_are_stopped_at_the_limit()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Curation__WrongTokenLimitPerHour"] = "3" });
        using var firstWrongSignIn = await SignInAttemptAsync(host, "not-the-token");
        using var secondWrongSignIn = await SignInAttemptAsync(host, "still-not-the-token");
        using var wrongBearer = new HttpRequestMessage(HttpMethod.Get, "/api/curation/queue") { Headers = { Authorization = new("Bearer", "a-guess") } };
        using var wrongBearerAnswer = await host.Http.SendAsync(wrongBearer);

        // Three wrong: now even the right token gets nothing from this address until the hour is out.
        using var rightBearer = await host.Curator.GetAsync("/api/curation/queue");
        using var rightSignIn = await SignInAttemptAsync(host, host.CuratorToken);
        using var rightSignInInABrowser = await SignInAttemptAsync(host, host.CuratorToken, accept: "text/html");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], [firstWrongSignIn.StatusCode, secondWrongSignIn.StatusCode, wrongBearerAnswer.StatusCode]);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightBearer.StatusCode);
        Assert.True(rightBearer.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("too-many-wrong-tokens", (await rightBearer.ProblemAsync())["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, rightSignIn.StatusCode);
        Assert.Equal("too-many-wrong-tokens", (await rightSignIn.ProblemAsync())["code"]!.GetValue<string>());
        Assert.False(rightSignIn.Headers.Contains("Set-Cookie") && rightSignIn.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("soliday-curator=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightSignInInABrowser.StatusCode);
        Assert.Contains("Too many wrong sign-in codes", await rightSignInInABrowser.Content.ReadAsStringAsync());
    }

    /// <summary>Signs in as a browser does: the sign-in page's form token and cookie, then the form.</summary>
    private static async Task<BrowserCookies> SignInAsync(SolidayHost host, string token)
    {
        using var response = await SignInAttemptAsync(host, token);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return new BrowserCookies(await FormCookieAsync(host), Cookie(response, "soliday-curator"));
    }

    private static async Task<HttpResponseMessage> SignInAttemptAsync(SolidayHost host, string token, string? accept = null)
    {
        using var page = await host.Http.GetAsync("/api/curation/signin");
        var formCookie = Cookie(page, "soliday-form");
        var formToken = FormTokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/curation/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["form-token"] = formToken, ["token"] = token }),
        };
        signIn.Headers.Add("Cookie", formCookie);
        signIn.Headers.Add("Origin", Origin);
        if (accept is not null)
        {
            signIn.Headers.Accept.ParseAdd(accept);
        }

        return await host.Http.SendAsync(signIn);
    }

    private static async Task<string> FormCookieAsync(SolidayHost host)
    {
        using var page = await host.Http.GetAsync("/api/submit");
        return Cookie(page, "soliday-form");
    }

    /// <summary><c>name=value</c> of the cookie a response sets.</summary>
    private static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split(';')[0];

    /// <summary>A curator's browser: its form cookie and session cookie, and the <c>Origin</c> it puts on every post.</summary>
    private sealed record BrowserCookies(string Form, string Session)
    {
        public Task<HttpResponseMessage> GetAsync(SolidayHost host, string path) => SendAsync(host, new HttpRequestMessage(HttpMethod.Get, path));

        public Task<HttpResponseMessage> PostAsync(SolidayHost host, string path, HttpContent content, string? bearer = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            request.Headers.Add("Origin", Origin);
            if (bearer is not null)
            {
                request.Headers.Authorization = new("Bearer", bearer);
            }

            return SendAsync(host, request);
        }

        private async Task<HttpResponseMessage> SendAsync(SolidayHost host, HttpRequestMessage request)
        {
            using (request)
            {
                request.Headers.Add("Cookie", $"{Form}; {Session}");
                return await host.Http.SendAsync(request);
            }
        }
    }

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();
}
