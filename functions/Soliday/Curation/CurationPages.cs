using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Hashtags;
using Soliday.Hashtags.Bluesky;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// What the curators' endpoints answer a browser with: the board (with a notice, or why an action
/// was refused), the sign-in page, and the form token each page carries and every post from a
/// browser must bring back.
/// </summary>
public sealed class CurationPages(
    CurationBoard board,
    WaitingBoard waiting,
    WaitingBoardFill fill,
    FormTokens formTokens,
    PoisonedPosts poisoned,
    BlueskyCheckpoints bluesky,
    PageRenderer pages,
    IOptions<SolidayOptions> soliday,
    IOptions<CurationOptions> curation)
{
    public async Task<IResult> BoardAsync(HttpRequest request, DurableTaskClient durable, Curator curator, BoardFilter filter, string? notice, int status)
    {
        var everything = await board.ReadAsync(durable, request.HttpContext.RequestAborted);
        await fill.EnsureAsync(() => Task.FromResult(everything), request.HttpContext.RequestAborted);
        var page = BoardQuery.ShowsWaiting(filter) ? await ReadWaitingAsync(request, filter) : null;
        var view = new CurationView(
            curator,
            page?.Entries ?? CurationBoard.Filter(everything, filter, soliday.Value.Zone),
            everything,
            filter,
            IssueFormToken(request),
            notice,
            BoardQuery.ReturnQuery(filter),
            soliday.Value,
            await poisoned.ReadAsync(request.HttpContext.RequestAborted))
        {
            IntakeProblems = await bluesky.CurrentRefusalAsync(request.HttpContext.RequestAborted) is { } refusal ? [BlueskyCheckpoints.ForCurators(refusal)] : [],
            NextPageQuery = page?.Continuation is { } next ? BoardQuery.NextPageQuery(filter, next) : null,
        };
        return new HtmlPage(await pages.RenderAsync<CurationPage, CurationView>(view), status);
    }

    /// <summary>
    /// The page of waiting entries the query names. A continuation the index does not know (an old
    /// or edited link) shows the first page rather than an error: the curator is on the board either way.
    /// </summary>
    private async Task<WaitingBoardPage> ReadWaitingAsync(HttpRequest request, BoardFilter filter)
    {
        var continuation = BoardQuery.Continuation(request.Query) is { Length: <= BoardQuery.MaxContinuationLength } c ? c : null;
        return await waiting.ReadAsync(filter, continuation, WaitingIndex.PageSize, soliday.Value.Zone, request.HttpContext.RequestAborted)
            ?? (await waiting.ReadAsync(filter, null, WaitingIndex.PageSize, soliday.Value.Zone, request.HttpContext.RequestAborted))!;
    }

    public async Task<IResult> SignInAsync(HttpRequest request, string? error, int status) =>
        new HtmlPage(await pages.RenderAsync<SignInPage, SignInView>(new SignInView(IssueFormToken(request), error, curation.Value.TrustEasyAuth)), status);

    /// <summary>A refused action: back on the board with the reason for a browser, problem details for the API.</summary>
    public async Task<IResult> RefusedAsync(HttpRequest request, DurableTaskClient durable, Curator curator, CurationInput input, DecisionRefusal refusal) =>
        request.PrefersHtml()
            ? await BoardAsync(request, durable, curator, BoardQuery.ReturnFilter(input.Return), $"{refusal.Title}. {refusal.Detail}", refusal.StatusCode)
            : Problems.Of(refusal.StatusCode, refusal.Title, refusal.Detail, refusal.CurrentState is null ? null : $"state:{refusal.CurrentState}",
                refusal.StatusCode == 400 ? new Dictionary<string, string> { ["reason"] = refusal.Detail } : null);

    public string IssueFormToken(HttpRequest request)
    {
        var (token, cookie) = formTokens.Issue(request.Cookies[FormTokens.CookieName]);
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, cookie, FormTokens.CookieOptions(request));
        return token;
    }

    /// <summary>A post from a browser must carry the page's form token: another site's page cannot.</summary>
    public bool ForgedFromBrowser(HttpRequest request, CurationInput input) =>
        request.IsFromBrowser() && formTokens.Validate(input.FormToken, request.Cookies[FormTokens.CookieName]) is null;
}
