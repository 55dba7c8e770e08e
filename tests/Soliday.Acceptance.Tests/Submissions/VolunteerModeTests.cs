using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// Volunteer mode, for the Social Council's cafés: a volunteer starts it with their helper code, the
/// resident agrees on screen, and the entry is recorded as sent with the volunteer's help, for curators
/// only; a wrong code is refused, guessing is slowed, and taking a code off the list ends the mode.
/// </summary>
public sealed partial class VolunteerModeTests
{
    private const string AdasCode = "ada-helps-at-the-library-cafe";
    private const string BensCode = "ben-helps-at-the-shirley-cafe";

    [Fact]
    public async Task An_entry_sent_with_a_helper_code_names_the_helper_in_the_audit_and_on_the_curator_card_and_nowhere_public()
    {
        await using var host = await SolidayHost.StartAsync(HelperCodes());
        var volunteer = new HelperBrowser(host);

        // The ordinary form offers the way in, and says nothing of helping.
        var ordinary = await volunteer.PageAsync("/api/submit");
        Assert.Contains("Helping someone else send their entry?", ordinary);
        Assert.DoesNotContain("resident-consent", ordinary);

        using var started = await volunteer.StartAsync(AdasCode);
        var form = await volunteer.PageAsync("/api/submit");

        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        Assert.Equal("/api/submit", started.Headers.Location?.OriginalString);
        Assert.Contains("You are helping someone take part", form);
        Assert.Contains("Helping: <strong class=\"helper-name\">Ada Lovelace</strong>", form);
        Assert.Contains("Read this with the person you are helping.", form);
        Assert.DoesNotContain(AdasCode, form);

        // Sent without the resident's own tick: back, with what to do, and the photo kept.
        using var unticked = await volunteer.SendAsync(new SubmissionBuilder().With("caption", "Knitting circle at the library").With("credit", "Mrs Patel"));
        var sentBack = await unticked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        Assert.Contains("Please ask the person you are helping to read the words for them", sentBack);
        Assert.Contains("Your photo is kept for this try.", sentBack);

        using var sent = await volunteer.SendAsync(new SubmissionBuilder().With("caption", "Knitting circle at the library").With("credit", "Mrs Patel").With("resident-consent", "true"));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var statusPath = sent.Headers.Location!.OriginalString;
        var id = StatusId().Match(statusPath).Groups[1].Value;

        // For curators: the card and the audit log name the helper.
        await host.Curator.WaitForQueueAsync(id);
        Assert.Contains("sent with help from Ada Lovelace", await host.Curator.CurationCardAsync(id));
        Assert.Contains((id, "sent-with-help", "Ada Lovelace"), await AuditAsync(host));

        // For the resident: their status page offers the slip; the slip is theirs alone and never cached.
        var status = await volunteer.PageAsync(statusPath);
        var slipPath = WebUtility.HtmlDecode(SlipLink().Match(status).Groups[1].Value);
        using var slip = await volunteer.GetAsync(slipPath);
        var slipPage = await slip.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, slip.StatusCode);
        Assert.Equal("no-store", slip.Headers.CacheControl?.ToString());
        Assert.Equal(2, Regex.Count(slipPage, "<svg class=\"qr\""));
        Assert.Contains("Keep this slip. Scan the first code to see your entry. Scan the second to remove it at any time.", slipPage);
        Assert.Contains($"{host.Http.BaseAddress}api/submissions/{id}/takedown?key=", WebUtility.HtmlDecode(slipPage));
        using var slipWithoutKey = await host.Http.GetAsync($"/api/submissions/{id}/slip");
        using var slipWithWrongKey = await host.Http.GetAsync($"/api/submissions/{id}/slip?key=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, slipWithoutKey.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, slipWithWrongKey.StatusCode);

        // Nowhere public: not the status anyone may ask for, not the published pages.
        using (await host.Curator.ApproveAsync(id))
        {
        }

        await host.Http.WaitForStatusAsync(id, "published");
        Assert.DoesNotContain("Ada", (await host.Http.PublicStatusAsync(id)).ToJsonString());
        Assert.DoesNotContain("Ada Lovelace", await host.Http.EntryPageAsync(id));
        Assert.DoesNotContain("Ada Lovelace", await volunteer.PageAsync($"/api/submissions/{id}"));

        // An entry sent without help offers no slip: its sender keeps the status page itself.
        var alone = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "My own walk by the canal"));
        var aloneStatus = await volunteer.PageAsync($"/api/submissions/{alone}?key={SolidayApi.SendersKey(alone)}");
        Assert.Contains("Remove my entry", aloneStatus);
        Assert.DoesNotContain("Print a slip to keep", aloneStatus);

        // Stopping the mode gives the ordinary form back.
        using var stopped = await volunteer.StopAsync();
        Assert.Equal(HttpStatusCode.SeeOther, stopped.StatusCode);
        Assert.DoesNotContain("resident-consent", await volunteer.PageAsync("/api/submit"));
        Assert.DoesNotContain(AdasCode, host.Output);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_guessing_is_slowed_and_taking_a_code_off_the_list_ends_that_helper_s_mode()
    {
        await using var host = await SolidayHost.StartAsync(new(HelperCodes()) { ["Submissions__WrongHelperCodeLimitPerHour"] = "2" });
        var ada = new HelperBrowser(host);
        var ben = new HelperBrowser(host);
        using (await ada.StartAsync(AdasCode))
        using (await ben.StartAsync(BensCode))
        {
        }

        // A wrong code: a clear message, the code not written back; the third is one too many, even a right one.
        var guesser = new HelperBrowser(host);
        using var wrong = await guesser.StartAsync("ada-helps-at-the-library-caff");
        var refusal = await wrong.Content.ReadAsStringAsync();
        using var secondWrong = await guesser.StartAsync("not-a-code-at-all-but-long");
        using var thirdWrong = await guesser.StartAsync("still-not-a-code-at-all");
        using var rightAfterMany = await guesser.StartAsync(AdasCode);
        using var apiWrong = await new HelperBrowser(host).StartAsync("from-a-script-not-a-page", asBrowser: false);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("That helper code is not one we know.", refusal);
        Assert.DoesNotContain("ada-helps-at-the-library-caff", refusal);
        Assert.Equal(HttpStatusCode.Unauthorized, secondWrong.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdWrong.StatusCode);
        Assert.Contains("Too many wrong helper codes came from this connection.", await thirdWrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, rightAfterMany.StatusCode);
        Assert.True(rightAfterMany.Headers.RetryAfter is not null, "the refusal says when to try again");
        Assert.Equal(HttpStatusCode.TooManyRequests, apiWrong.StatusCode); // the same connection, as a script
        Assert.Equal("too-many-wrong-codes", JsonNode.Parse(await apiWrong.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());

        // Ada has left: her code is taken off the list, and the app restarts with Ben's alone.
        var adasPage = await ada.PageAsync("/api/submit");
        Assert.Contains("Helping: <strong class=\"helper-name\">Ada Lovelace</strong>", adasPage);
        await host.KillAsync();
        await host.RestartAsync(new() { ["Submissions__HelperCodes__0__Name"] = "", ["Submissions__HelperCodes__0__Code"] = "" });

        var adasForm = await ada.PageAsync("/api/submit");
        Assert.DoesNotContain("You are helping someone take part", adasForm);
        Assert.Contains("Helping: <strong class=\"helper-name\">Ben Okafor</strong>", await ben.PageAsync("/api/submit"));

        // A form Ada filled in before goes back, rather than leaving as nobody's help.
        using var late = await ada.SendAsync(new SubmissionBuilder().With("caption", "Bingo at the community centre").With("resident-consent", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("Helping mode has ended", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_signed_in_curator_helps_under_their_own_name_without_a_code()
    {
        await using var host = await SolidayHost.StartAsync(HelperCodes());
        var curator = new HelperBrowser(host);
        await curator.SignInAsCuratorAsync(host.CuratorToken);

        var offer = await curator.PageAsync("/api/submit/helping");
        using var started = await curator.StartAsCuratorAsync();
        var form = await curator.PageAsync("/api/submit");
        using var sent = await curator.SendAsync(new SubmissionBuilder().With("caption", "Carols at the Touchwood").With("resident-consent", "true"));
        var id = StatusId().Match(sent.Headers.Location!.OriginalString).Groups[1].Value;

        Assert.Contains("You are signed in as a curator, Local curator, so you need no code.", offer);
        Assert.DoesNotContain("name=\"code\"", offer);
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        Assert.Contains("Helping: <strong class=\"helper-name\">Local curator</strong>", form);
        await host.Curator.WaitForQueueAsync(id);
        Assert.Contains((id, "sent-with-help", "Local curator"), await AuditAsync(host));

        // Signed out of curating, the helping ends with it; a browser that never signed in cannot claim it.
        curator.Forget("soliday-curator");
        Assert.DoesNotContain("You are helping someone take part", await curator.PageAsync("/api/submit"));
        var stranger = new HelperBrowser(host);
        using var claimed = await stranger.StartAsCuratorAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, claimed.StatusCode);
        Assert.Contains("You are no longer signed in as a curator.", await claimed.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> HelperCodes() => new()
    {
        ["Submissions__HelperCodes__0__Name"] = "Ada Lovelace",
        ["Submissions__HelperCodes__0__Code"] = AdasCode,
        ["Submissions__HelperCodes__1__Name"] = "Ben Okafor",
        ["Submissions__HelperCodes__1__Code"] = BensCode,
    };

    private static async Task<List<(string Id, string Action, string Who)>> AuditAsync(SolidayHost host)
    {
        var log = host.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(DateTime.UtcNow)));
        var lines = (await log.DownloadContentAsync()).Value.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Select(line => JsonNode.Parse(line)!).Select(n => (n["submissionId"]!.GetValue<string>(), n["action"]!.GetValue<string>(), n["curator"]!.GetValue<string>()))];
    }

    [GeneratedRegex("/api/submissions/([0-9a-f]{32})\\?key=")]
    private static partial Regex StatusId();

    [GeneratedRegex("href=\"(/api/submissions/[0-9a-f]{32}/slip\\?key=[^\"]+)\"")]
    private static partial Regex SlipLink();

    /// <summary>
    /// One browser, as a volunteer's at a café: its own cookies (form, helper, curator), pages in and out,
    /// the form token of the last page it was given.
    /// </summary>
    private sealed partial class HelperBrowser(SolidayHost host)
    {
        private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

        /// <summary>Cookies kept here, by hand, so no other client of the host (nor another helper) shares them.</summary>
        private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host.Http.BaseAddress };
        private readonly Dictionary<string, string> _cookies = [];
        private string _formToken = "";
        private IReadOnlyList<string> _kept = [];

        public async Task<string> PageAsync(string path)
        {
            using var response = await GetAsync(path);
            return await response.Content.ReadAsStringAsync();
        }

        public async Task<HttpResponseMessage> GetAsync(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            return await SendAsync(request);
        }

        public async Task<HttpResponseMessage> StartAsync(string code, bool asBrowser = true)
        {
            await PageAsync("/api/submit/helping");
            return await PostFormAsync("/api/submit/helping", new() { ["form-token"] = _formToken, ["code"] = code }, asBrowser);
        }

        public async Task<HttpResponseMessage> StartAsCuratorAsync()
        {
            await PageAsync("/api/submit/helping");
            return await PostFormAsync("/api/submit/helping", new() { ["form-token"] = _formToken, ["as-curator"] = "true" });
        }

        public async Task<HttpResponseMessage> StopAsync()
        {
            await PageAsync("/api/submit/helping");
            return await PostFormAsync("/api/submit/helping", new() { ["form-token"] = _formToken, ["stop"] = "true" });
        }

        public async Task SignInAsCuratorAsync(string token)
        {
            await PageAsync("/api/curation/signin");
            using var signedIn = await PostFormAsync("/api/curation/signin", new() { ["form-token"] = _formToken, ["token"] = token });
            Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        }

        /// <summary>Sends the form as the last form page left it: its token, and any photo it kept.</summary>
        public async Task<HttpResponseMessage> SendAsync(SubmissionBuilder submission)
        {
            if (_kept.Count == 0)
            {
                await PageAsync("/api/submit");
            }

            var content = submission.With("form-token", _formToken).Build();
            foreach (var token in _kept)
            {
                content.Add(new StringContent(token), "kept");
            }

            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = content });
        }

        public void Forget(string cookie) => _cookies.Remove(cookie);

        private Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, bool asBrowser = true) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) }, asBrowser);

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool asBrowser = true)
        {
            if (asBrowser)
            {
                request.Headers.Accept.ParseAdd(BrowserAccept);
                request.Headers.Add("Origin", host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
            }

            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await _http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var pair in cookies.Select(c => c.Split(';')[0].Split('=', 2)))
                {
                    if (pair[1].Length == 0)
                    {
                        _cookies.Remove(pair[0]);
                    }
                    else
                    {
                        _cookies[pair[0]] = pair[1];
                    }
                }
            }

            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var page = await response.Content.ReadAsStringAsync();
                if (FormTokenField().Match(page) is { Success: true } token)
                {
                    _formToken = token.Groups[1].Value;
                }

                _kept = [.. KeptField().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(k => k.Length > 0)];
            }

            return response;
        }

        [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
        private static partial Regex FormTokenField();

        [GeneratedRegex("<input type=\"hidden\" name=\"kept\"(?: value=\"([^\"]*)\")? ?/?>")]
        private static partial Regex KeptField();
    }
}
