using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// The problems the public reported, for signed-in curators: a page for browsers, JSON for API
/// clients. The reports' words are personal data, so the page is never cached.
/// </summary>
public sealed class CurationReportsEndpoint(
    CuratorAuthenticator authenticator,
    ProblemReports reports,
    CurationPages pages,
    EntryStore entries,
    PageRenderer renderer,
    SiteAddress address,
    IOptions<SolidayOptions> soliday)
{
    /// <summary>Enough of an entry's words to know it by.</summary>
    private const int QuotedCharacters = 120;

    public async Task<IResult> Reports(HttpRequest request)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return request.PrefersHtml() ? new SeeOtherResult(Routes.CurationSignInUrl) : new CuratorsOnly();
        }

        var open = await reports.ListAsync(request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!request.PrefersHtml())
        {
            return Results.Json(open, SolidayJson.Options);
        }

        // Each entry named once, however many reports it has: a curator knows it by its words, not its id.
        var captions = new Dictionary<string, string>();
        foreach (var entryId in open.Select(r => r.EntryId).Distinct())
        {
            var entry = await entries.FindAsync(entryId, request.HttpContext.RequestAborted);
            captions[entryId] = entry is null || entry.Text.Length == 0 ? $"entry {entryId}" : Display.Short(entry.Text, QuotedCharacters);
        }

        var view = new CurationReportsView(
            curator,
            [.. open.Select(report => new OpenReport(report, address.EntryPage(report.EntryId), captions[report.EntryId]))],
            pages.IssueFormToken(request),
            CurationReportsView.NoticeFor(request.Query["notice"]),
            soliday.Value.Zone);
        return new HtmlPage(await renderer.RenderAsync<CurationReportsPage, CurationReportsView>(view));
    }
}
