using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// "Report a problem with this entry" on a published entry's page leads to Soliday's own report
/// form (no <c>Site:ReportUrl</c> is set here); a report reaches the curators' reports page, and a
/// curator's dismissal deletes it.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class ProblemReportTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_report_sent_from_an_entry_page_reaches_the_curators_and_dismissing_it_deletes_it()
    {
        var n = Guid.NewGuid().ToString("N")[..10];
        var id = await Host.PublishEntryAsync($"Picnic{n} by the canal");
        var link = await Host.ReportLinkAsync(id);
        Assert.Equal($"{Host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority)}/api/report/{id}", link.AbsoluteUri);

        // The form, as a browser without scripts opens and sends it.
        using var formPage = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery).AsBrowser());
        var form = await formPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, formPage.StatusCode);
        Assert.Contains($"Picnic{n} by the canal", form); // the person sees which entry they are reporting
        Assert.Matches($"<img src=\"/api/submissions/{id}/photos/[^\"]+\"", form);
        Assert.Contains("I am in this photo and did not agree", form);
        var words = $"Words{n}: I am the <b>second</b> person from the left";
        var email = $"reporter{n}@example.org";
        using var sent = await PostFormAsync(formPage, form, link, new() { ["reason"] = "in-photo-without-consent", ["words"] = words, ["email"] = email });
        var thanks = await sent.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("your report reached the curators", thanks);
        Assert.Contains("They may write to you at the address you gave.", thanks);

        // The curators see it: on their page, in the counts they poll, and on the reports page, escaped.
        Assert.Contains("reported by the public", await Host.Curator.CurationPageAsync());
        var counts = JsonNode.Parse(await Host.Curator.GetStringAsync("/api/curation/counts"))!;
        Assert.True(counts["reports"]!.GetValue<int>() >= 1);
        var reportsPage = await CuratorsReportsPageAsync();
        Assert.Contains($"Words{n}: I am the &lt;b&gt;second&lt;/b&gt; person from the left", reportsPage);
        Assert.Contains($"mailto:{email}", reportsPage);
        Assert.Contains($"entries/{id}.html\">Picnic{n} by the canal</a>", reportsPage); // the entry, known by its words
        Assert.Contains("Urgent: I am in this photo and did not agree", reportsPage);
        var reports = (await Host.Curator.GetFromJsonAsync<JsonArray>("/api/curation/reports"))!;
        var report = Assert.Single(reports, r => r!["entryId"]!.GetValue<string>() == id)!;
        var reportId = report["id"]!.GetValue<string>();

        using var dismissal = await Host.Curator.PostAsync($"/api/curation/reports/{id}/{reportId}/dismiss", null);

        Assert.Equal(HttpStatusCode.OK, dismissal.StatusCode);
        Assert.DoesNotContain($"Words{n}", await CuratorsReportsPageAsync());
        Assert.False(await Host.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(StorageLayout.Report(id, reportId)).ExistsAsync());
        var line = Assert.Single(await AuditLinesAsync(), l => l["submissionId"]!.GetValue<string>() == id && l["action"]!.GetValue<string>() == "dismiss-report");
        Assert.DoesNotContain($"Words{n}", line.ToJsonString());
        Assert.DoesNotContain(email, line.ToJsonString());
        Assert.Equal("published", (await Host.Http.PublicStatusAsync(id))["status"]!.GetValue<string>()); // dismissing leaves the entry be
    }

    [Fact]
    public async Task The_same_form_sent_twice_keeps_one_report()
    {
        var id = await Host.PublishEntryAsync("Sent twice by a double click");
        var link = await Host.ReportLinkAsync(id);
        using var formPage = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery).AsBrowser());
        var form = await formPage.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string> { ["reason"] = "private", ["words"] = "A house number is readable" };

        using var first = await PostFormAsync(formPage, form, link, fields);
        using var second = await PostFormAsync(formPage, form, link, fields);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var reports = (await Host.Curator.GetFromJsonAsync<JsonArray>("/api/curation/reports"))!;
        Assert.Single(reports, r => r!["entryId"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task An_unknown_or_unpublished_entry_gets_a_404_in_plain_words_not_a_form()
    {
        var waiting = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Still waiting for a curator"));

        using var unknownPage = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/report/0123456789abcdef0123456789abcdef").AsBrowser());
        using var notAnId = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/report/not-an-entry-id").AsBrowser());
        using var waitingPage = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/report/{waiting}").AsBrowser());
        using var waitingApi = await Host.ReportAsync(waiting, "private");

        foreach (var page in new[] { unknownPage, notAnId, waitingPage })
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("This entry is not on the timeline", html);
            Assert.DoesNotContain("<form method=\"post\"", html);
        }

        Assert.Equal(HttpStatusCode.NotFound, waitingApi.StatusCode);
        Assert.Equal("entry-not-found", (await waitingApi.ProblemAsync())["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_report_to_fix_comes_back_with_the_error_beside_the_field_or_as_problem_details()
    {
        var id = await Host.PublishEntryAsync("Reported without a reason");
        var link = await Host.ReportLinkAsync(id);
        using var formPage = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery).AsBrowser());
        var form = await formPage.Content.ReadAsStringAsync();

        using var noReason = await PostFormAsync(formPage, form, link, new() { ["words"] = "Kept for the next try" });
        using var tooLong = await Host.ReportAsync(id, "other", new string('x', 2001));
        using var badEmail = await Host.ReportAsync(id, "private", email: "not an address");
        using var huge = await Host.ReportAsync(id, "other", new string('x', 40_000));

        var page = await noReason.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("<p class=\"error-message\" id=\"reason-error\"><span class=\"visually-hidden\">Error:</span> Please choose what the problem is.</p>", page);
        Assert.Contains(">Kept for the next try</textarea>", page); // what was written stays
        var problem = await tooLong.ProblemAsync();
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("invalid-field", problem["code"]!.GetValue<string>());
        Assert.Equal("Please say it in at most 2000 characters (you wrote 2001).", problem["errors"]!["words"]![0]!.GetValue<string>());
        Assert.Equal("Please check the email address, or leave it empty: it is optional.", (await badEmail.ProblemAsync())["errors"]!["email"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("too-large", (await huge.ProblemAsync())["code"]!.GetValue<string>());
        var reports = (await Host.Curator.GetFromJsonAsync<JsonArray>("/api/curation/reports"))!;
        Assert.DoesNotContain(reports, r => r!["entryId"]!.GetValue<string>() == id);
    }

    /// <summary>Posts the form page's fields as a browser does: its token, the cookie it is bound to, this site as the origin.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(HttpResponseMessage formPage, string form, Uri link, Dictionary<string, string> fields)
    {
        fields["form-token"] = FormToken().Match(form).Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, link.PathAndQuery) { Content = new FormUrlEncodedContent(fields) }.AsBrowser();
        request.Headers.Add("Origin", Host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Cookie", formPage.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("soliday-form=", StringComparison.Ordinal)).Split(';')[0]);
        return await Host.Http.SendAsync(request);
    }

    private async Task<string> CuratorsReportsPageAsync()
    {
        using var response = await Host.Curator.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/curation/reports").AsBrowser());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<JsonNode>> AuditLinesAsync()
    {
        var log = Host.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobClient(StorageLayout.AuditLog(DateOnly.FromDateTime(DateTime.UtcNow)));
        var text = (await log.DownloadContentAsync()).Value.Content.ToString();
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!)];
    }

    [GeneratedRegex("name=\"form-token\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
