using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Timeline;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>The report form's pages, and the entry it is about: only a published entry can be reported here.</summary>
public sealed class ReportPages(
    LinkedEntries linked,
    FormTokens formTokens,
    PageRenderer pages,
    ResidentErrorPages errorPages,
    SiteAddress address,
    IOptions<SiteOptions> site,
    SiteWords words)
{

    /// <summary>The entry <paramref name="id"/> names, if it is on the timeline now.</summary>
    public async Task<Entry?> PublishedAsync(string id, HttpRequest request) =>
        await linked.FindAsync(id, request) is { State: EntryState.Published } entry ? entry : null;

    public async Task<IResult> NotFoundAsync(HttpRequest request) =>
        request.PrefersHtml()
            ? await errorPages.RenderAsync(StatusCodes.Status404NotFound, words["report.error.notFound.title"], words["report.error.notFound"])
            : Problems.Of(404, words["report.error.notFound.title"], words["report.error.notFound"], "entry-not-found");

    /// <summary>The form, empty or sent back with what to fix, with a form token (the one sent, when genuine) bound to the browser's cookie.</summary>
    public async Task<IResult> FormAsync(HttpRequest request, Entry entry, ProblemReportValues values, IReadOnlyDictionary<string, string> errors, int status)
    {
        var cookie = request.Cookies[FormTokens.CookieName];
        var (token, boundTo) = formTokens.Validate(values.FormToken, cookie) is not null ? (values.FormToken!, cookie!) : formTokens.Issue(cookie);
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, boundTo, FormTokens.CookieOptions(request));
        var view = new ReportFormView(ReportedEntry.From(entry, address), values with { FormToken = token }, errors, site.Value);
        return new HtmlPage(await pages.RenderAsync<ReportFormPage, ReportFormView>(view), status);
    }

    public async Task<IResult> ThanksAsync(Entry entry, ProblemReport report) =>
        new HtmlPage(await pages.RenderAsync<ReportThanksPage, ReportThanksView>(
            new ReportThanksView(ReportedEntry.From(entry, address), report.Reason, report.ReplyEmail is not null, site.Value)));

    public Task<IResult> ErrorAsync(int status, string title, string message) => errorPages.RenderAsync(status, title, message);
}
