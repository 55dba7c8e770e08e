using System.Net;
using Soliday.Acceptance.Tests.Support;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>The form as a browser without JavaScript uses it: pages in, pages out.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class BrowserFormTests(SharedHost shared)
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Fact]
    public async Task A_form_sent_without_consent_comes_back_with_the_error_and_everything_typed_kept()
    {
        using var response = await SendAsync(new SubmissionBuilder()
            .Without("consent")
            .With("caption", "Sunday league <final> at Tudor Grange")
            .With("credit", "Dev"));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<title>Error: Share your #Soliday</title>", page);
        Assert.Contains("role=\"alert\"", page);
        Assert.Contains("Please confirm you took the photo", page);
        Assert.Contains("Sunday league &lt;final&gt; at Tudor Grange</textarea>", page);
        Assert.Contains("value=\"Dev\"", page);
        Assert.Contains("aria-invalid=\"true\"", page);
    }

    [Fact]
    public async Task A_form_sent_well_leads_the_browser_to_its_status_page()
    {
        using var response = await SendAsync(new SubmissionBuilder().With("caption", "Lunch at the Core library"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var statusPage = response.Headers.Location!.ToString();
        Assert.StartsWith("/api/submissions/", statusPage);

        using var request = new HttpRequestMessage(HttpMethod.Get, statusPage);
        request.Headers.Accept.ParseAdd(BrowserAccept);
        using var page = await shared.Host.Http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Lunch at the Core library", html);
        Assert.Contains("role=\"status\"", html);
    }

    private Task<HttpResponseMessage> SendAsync(SubmissionBuilder submission)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = submission.Build() };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        return shared.Host.Http.SendAsync(request);
    }
}
