using System.Net;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Web;

/// <summary>
/// Behind the Functions host the worker may see plain http although the resident used https: the
/// cookies must be Secure all the same, except on a developer's own loopback address.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class SecureCookiesTests(SharedHost shared)
{
    private const string PublicHost = "soliday.example.org";

    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task The_form_cookie_is_Secure_when_the_site_is_reached_by_its_name_over_http()
    {
        using var response = await GetAsync("/api/submit", PublicHost);

        Assert.Contains("secure", Attributes(Cookie(response, "soliday-form")));
    }

    [Fact]
    public async Task The_curator_session_cookie_is_Secure_when_the_site_is_reached_by_its_name_over_http()
    {
        using var signInPage = await GetAsync("/api/curation/signin", PublicHost);
        var formCookie = Cookie(signInPage, "soliday-form").Split(';')[0];
        var token = TokenField().Match(await signInPage.Content.ReadAsStringAsync()).Groups[1].Value;

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/curation/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["form-token"] = token, ["token"] = Host.CuratorToken }),
        };
        signIn.Headers.Host = PublicHost;
        signIn.Headers.Add("Cookie", formCookie);
        using var response = await Host.Http.SendAsync(signIn);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Contains("secure", Attributes(Cookie(response, "soliday-curator")));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Cookies_on_a_loopback_host_are_not_Secure_so_the_local_http_site_works(string host)
    {
        using var response = await GetAsync("/api/submit", $"{host}:{Host.HttpPort}");

        Assert.DoesNotContain("secure", Attributes(Cookie(response, "soliday-form")));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await Host.Http.SendAsync(request);
    }

    private static string Cookie(HttpResponseMessage response, string name)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        return Assert.Single(cookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Attributes(string setCookie) =>
        setCookie.Split(';').Skip(1).Select(a => a.Trim().Split('=')[0].ToLowerInvariant());

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
