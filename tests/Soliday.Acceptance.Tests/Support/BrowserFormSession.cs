using System.Net;
using System.Text.RegularExpressions;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// The form as a browser without script sends it: the form page's token and the cookie it is bound
/// to, the page's <c>Origin</c>, pages in and out. Each page sent back carries the token (and any
/// photos kept) that the next try sends.
/// </summary>
public sealed partial class BrowserFormSession(SolidayHost host)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private string _cookie = "";

    public string FormToken { get; private set; } = "";

    /// <summary>The <c>kept</c> fields of the last page, in order: a token where a photo was kept, else empty.</summary>
    public IReadOnlyList<string> Kept { get; private set; } = [];

    /// <summary>The last page the host answered with.</summary>
    public string Page { get; private set; } = "";

    public static async Task<BrowserFormSession> OpenAsync(SolidayHost host)
    {
        var session = new BrowserFormSession(host);
        using var page = await host.Http.GetAsync("/api/submit");
        session.Take(page, await page.Content.ReadAsStringAsync());
        return session;
    }

    /// <summary>Sends the form: <paramref name="submission"/>'s fields, this page's token, and the <c>kept</c> fields given.</summary>
    public async Task<HttpResponseMessage> SendAsync(SubmissionBuilder submission, params string[] kept)
    {
        var content = submission.With("form-token", FormToken).Build();
        foreach (var token in kept)
        {
            content.Add(new StringContent(token), "kept");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = content };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        request.Headers.Add("Origin", host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Cookie", _cookie);
        var response = await host.Http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.SeeOther)
        {
            Take(response, await response.Content.ReadAsStringAsync());
        }

        return response;
    }

    private void Take(HttpResponseMessage response, string page)
    {
        Page = page;
        FormToken = FormTokenField().Match(page).Groups[1].Value;
        Kept = [.. KeptField().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.StartsWith("soliday-form=", StringComparison.Ordinal)) is { } cookie)
        {
            _cookie = cookie.Split(';')[0];
        }
    }

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenField();

    [GeneratedRegex("<input type=\"hidden\" name=\"kept\"(?: value=\"([^\"]*)\")? ?/?>")]
    private static partial Regex KeptField();
}
