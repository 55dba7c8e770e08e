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
    DecidedBoard decided,
    WaitingBoardFill fill,
    BoardCountsBlob counts,
    EntryStore entries,
    FormTokens formTokens,
    PoisonedPosts poisoned,
    ProblemReports reports,
    BlueskyCheckpoints bluesky,
    PageRenderer pages,
    IOptions<SolidayOptions> soliday,
    IOptions<CurationOptions> curation)
{
    /// <summary>
    /// One page of the board: the waiting entries or the recent decisions, from their indexes, with
    /// the counts from their blob. Nothing here lists the durable engine's instances (only the
    /// one-time fill of an index made after entries were already waiting does).
    /// </summary>
    public async Task<IResult> BoardAsync(HttpRequest request, DurableTaskClient durable, Curator curator, BoardPlace place, string? notice, int status)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        await fill.EnsureAsync(() => board.ReadAsync(durable, cancellationToken), cancellationToken);
        var (page, start) = await ReadPageAsync(place, durable, cancellationToken);
        var view = new CurationView(
            curator,
            page.Entries,
            await counts.ReadAsync(cancellationToken),
            place.Filter,
            IssueFormToken(request),
            notice,
            BoardQuery.PlaceQuery(place.Filter, start),
            soliday.Value,
            await poisoned.ReadAsync(cancellationToken))
        {
            IntakeProblems = await bluesky.CurrentRefusalAsync(cancellationToken) is { } refusal ? [BlueskyCheckpoints.ForCurators(refusal)] : [],
            NextPageQuery = page.Continuation is { } next ? BoardQuery.NextPageQuery(place.Filter, next) : null,
            IsFirstPage = start is null,
            ProblemCard = place.ProblemCard,
            SelectAll = place.SelectAll,
            Originals = await OriginalsAsync(page.Entries, cancellationToken),
            OpenReports = await reports.CountOpenAsync(cancellationToken),
        };
        return new HtmlPage(await pages.RenderAsync<CurationPage, CurationView>(view), status);
    }

    /// <summary>
    /// The page the place names. A continuation the index does not know (an old or edited link)
    /// shows the first page rather than an error: the curator is on the board either way.
    /// </summary>
    private async Task<(WaitingBoardPage Page, string? Start)> ReadPageAsync(BoardPlace place, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        Task<WaitingBoardPage?> Read(string? continuation) => BoardQuery.ShowsWaiting(place.Filter)
            ? waiting.ReadAsync(place.Filter, continuation, WaitingIndex.PageSize, soliday.Value.Zone, cancellationToken)
            : decided.ReadAsync(place.Filter, continuation, WaitingIndex.PageSize, soliday.Value.Zone, durable, cancellationToken);

        return await Read(place.Continuation) is { } page ? (page, place.Continuation) : ((await Read(null))!, null);
    }

    /// <summary>The entries the page's duplicates repeat, read from their records (at most one read a card).</summary>
    private async Task<IReadOnlyDictionary<string, CurationSummary>> OriginalsAsync(IReadOnlyList<BoardEntry> shown, CancellationToken cancellationToken)
    {
        var originals = new Dictionary<string, CurationSummary>();
        foreach (var entry in shown)
        {
            var repeated = entry.Summary?.Flags
                .Where(f => f.Code is FlagCodes.ExactDuplicate or FlagCodes.NearDuplicate)
                .Select(f => f.Link?.Split('/').LastOrDefault())
                .FirstOrDefault(SubmissionId.IsValid);
            if (repeated is not null && await entries.FindAsync(repeated, cancellationToken) is { } record && !record.State.IsErased())
            {
                originals[entry.SubmissionId] = CurationSummary.From(record);
            }
        }

        return originals;
    }

    public async Task<IResult> SignInAsync(HttpRequest request, string? error, int status) =>
        new HtmlPage(await pages.RenderAsync<SignInPage, SignInView>(new SignInView(IssueFormToken(request), error, curation.Value.TrustEasyAuth)), status);

    /// <summary>A refused action: back on the board with the reason for a browser, problem details for the API.</summary>
    public async Task<IResult> RefusedAsync(HttpRequest request, DurableTaskClient durable, Curator curator, CurationInput input, DecisionRefusal refusal, string? id = null) =>
        request.PrefersHtml()
            ? await BoardAsync(request, durable, curator, BoardPlace.Of(input.Return) with { ProblemCard = SubmissionId.IsValid(id) ? id : null }, $"{refusal.Title.TrimEnd('.')}. {refusal.Detail}", refusal.StatusCode)
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
