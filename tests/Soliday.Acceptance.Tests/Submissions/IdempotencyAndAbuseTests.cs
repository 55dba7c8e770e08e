using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>One entry per intention, and abuse kept out without barriers for people.</summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class IdempotencyAndAbuseTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_form_sent_twice_is_one_entry()
    {
        using var browser = BrowserLikeClient(Host);
        var form = await FormPageAsync(browser);

        var first = await PostFormAsync(browser, form.Token);
        var second = await PostFormAsync(browser, form.Token);

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(first.Id, second.Id);
        Assert.Single(await EntryRecordsAsync(first.Id!));
    }

    [Fact]
    public async Task An_upload_retried_with_the_same_idempotency_key_is_one_entry()
    {
        var key = Guid.NewGuid().ToString();
        var ids = new List<string>();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = new SubmissionBuilder().Build() };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await Host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
        }

        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task The_same_idempotency_key_with_other_content_is_refused_and_hands_nothing_over()
    {
        var key = Guid.NewGuid().ToString();
        using var first = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().With("caption", "The Lord Mayor's parade"), key);
        var id = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        using var otherWords = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().With("caption", "Something else entirely"), key);
        using var otherPhoto = await Host.Http.PostSubmissionAsync(
            new SubmissionBuilder().With("caption", "The Lord Mayor's parade").WithPhoto("real-exif", "EX__jpg_mobile_jolla.jpg"), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        foreach (var refused in new[] { otherWords, otherPhoto })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var problem = await refused.ProblemAsync();
            Assert.Equal("already-sent", problem["code"]!.GetValue<string>());
            Assert.Contains("different", problem["detail"]!.GetValue<string>());
            Assert.DoesNotContain(id, problem.ToJsonString()); // neither the entry nor a take-down link for it
        }

        Assert.Equal("The Lord Mayor's parade", (await Host.Http.StatusAsync(id))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_from_another_address_is_another_entry()
    {
        var key = Guid.NewGuid().ToString();
        using var neighbour = LoopbackClients.From("127.0.0.2", Host);

        using var mine = await Host.Http.PostSubmissionAsync(new SubmissionBuilder(), key);
        using var theirs = await neighbour.PostSubmissionAsync(new SubmissionBuilder(), key);

        Assert.Equal(HttpStatusCode.Accepted, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, theirs.StatusCode);
        var myId = JsonNode.Parse(await mine.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var theirBody = await theirs.Content.ReadAsStringAsync();
        Assert.NotEqual(myId, JsonNode.Parse(theirBody)!["id"]!.GetValue<string>());
        Assert.DoesNotContain(myId, theirBody); // no take-down link to my entry
    }

    [Fact]
    public async Task A_form_sent_again_with_other_content_is_refused_rather_than_taken_for_the_first()
    {
        using var browser = BrowserLikeClient(Host);
        var form = await FormPageAsync(browser);

        var first = await PostFormAsync(browser, form.Token);
        var changed = await PostFormAsync(browser, form.Token, new SubmissionBuilder().With("caption", "On second thoughts, a better caption"));

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.Status);
        Assert.Equal("already-sent", changed.Body["code"]!.GetValue<string>());
        var sendersKey = first.Body["takedownUrl"]!.GetValue<string>().Split("key=")[1];
        Assert.Equal("Early light over the lake in Brueton Park", (await Host.Http.StatusAsync(first.Id!, sendersKey))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_browser_post_without_our_form_token_is_refused_and_nothing_is_kept()
    {
        using var browser = BrowserLikeClient(Host);
        await FormPageAsync(browser); // has the cookie, but sends no token (another site's form would not have it)

        var response = await PostFormAsync(browser, token: null);
        var forged = await PostFormAsync(browser, token: "dGhpcyBpcyBub3QgYSB0b2tlbg");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("form-token", response.Body["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
    }

    [Fact]
    public async Task A_token_from_another_browser_is_refused()
    {
        using var visitor = BrowserLikeClient(Host);
        using var attacker = BrowserLikeClient(Host);
        var attackersForm = await FormPageAsync(attacker);
        await FormPageAsync(visitor);

        var response = await PostFormAsync(visitor, attackersForm.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
    }

    [Fact]
    public async Task The_box_people_cannot_see_being_filled_refuses_the_entry()
    {
        using var response = await Host.Http.PostAsync("/api/submissions", new SubmissionBuilder().With("hp-homepage", "http://spam.example").Build());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync())["errors"]!.AsObject().ContainsKey("hp-homepage"));
    }

    [Fact]
    public async Task An_email_given_is_kept_private()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("email", "priya@example.org").With("place", "Shirley Park"));

        var status = await Host.Http.StatusAsync(id);

        Assert.DoesNotContain("priya@example.org", status.ToJsonString());
        using var page = new HttpRequestMessage(HttpMethod.Get, $"/api/submissions/{id}?key={SolidayApi.SendersKey(id)}"); // even its sender's page
        page.Headers.Accept.ParseAdd("text/html");
        var html = await (await Host.Http.SendAsync(page)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("priya@example.org", html);
        Assert.Contains("Shirley Park", html);
    }

    /// <summary>An HttpClient that behaves as a browser does: keeps cookies and says where its posts come from.</summary>
    internal static HttpClient BrowserLikeClient(SolidayHost host)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = host.Http.BaseAddress,
        };
        client.DefaultRequestHeaders.Add("Origin", host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
        return client;
    }

    internal static async Task<(string Token, string Html)> FormPageAsync(HttpClient browser)
    {
        var html = await browser.GetStringAsync("/api/submit");
        return (TokenField().Match(html).Groups[1].Value, html);
    }

    internal static async Task<(HttpStatusCode Status, string? Id, JsonNode Body)> PostFormAsync(HttpClient browser, string? token, SubmissionBuilder? submission = null)
    {
        var form = (submission ?? new SubmissionBuilder()).Build();
        if (token is not null)
        {
            form.Add(new StringContent(token), "form-token");
        }

        using var response = await browser.PostAsync("/api/submissions", form);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, body["id"]?.GetValue<string>(), body);
    }

    private async Task<List<string>> EntryRecordsAsync(string id)
    {
        var names = new List<string>();
        await foreach (var blob in Host.Blobs.GetBlobContainerClient("entries").GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = id }))
        {
            if (blob.Name.EndsWith($"{id}.json", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
