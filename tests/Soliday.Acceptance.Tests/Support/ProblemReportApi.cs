using System.Net;
using System.Text.RegularExpressions;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>Publishing an entry, and reporting a problem with it as the public would: from its page, with or without a browser.</summary>
public static partial class ProblemReportApi
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /// <summary>Sends an entry with a photo and approves it, then waits until its page is on the site.</summary>
    public static async Task<string> PublishEntryAsync(this SolidayHost host, string caption)
    {
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", caption));
        await host.Curator.WaitForQueueAsync(id);
        using var approval = await host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        await host.Http.WaitForStatusAsync(id, "published");
        await SolidayApi.EventuallyAsync(() => host.Http.SiteHasAsync($"entries/{id}.html"), "the entry's page is on the site");
        return id;
    }

    /// <summary>Where the entry page's "Report a problem with this entry" leads.</summary>
    public static async Task<Uri> ReportLinkAsync(this SolidayHost host, string id)
    {
        var page = await host.Http.EntryPageAsync(id);
        var href = ReportLink().Match(page).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(href), "the entry page links to a report");
        return new Uri(WebUtility.HtmlDecode(href));
    }

    /// <summary>A report as an API client posts it: no form token, JSON back.</summary>
    public static Task<HttpResponseMessage> ReportAsync(this SolidayHost host, string id, string reason, string words = "", string email = "", string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/report/{id}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = reason, ["words"] = words, ["email"] = email }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return host.Http.SendAsync(request);
    }

    /// <summary>A request for a page, as a browser asks for one.</summary>
    public static HttpRequestMessage AsBrowser(this HttpRequestMessage request)
    {
        request.Headers.Accept.ParseAdd(BrowserAccept);
        return request;
    }

    [GeneratedRegex("<a href=\"([^\"]+)\">Report a problem with this entry</a>")]
    private static partial Regex ReportLink();
}
