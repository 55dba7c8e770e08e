using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Soliday.Hashtags;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>An entry in the curation queue, as the JSON API returns it.</summary>
public sealed record CurationQueueItem(
    string Id,
    string State,
    string Caption,
    string Credit,
    string Source,
    DateTimeOffset ReceivedAt,
    DateTimeOffset MomentAt,
    int PhotoCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<EntryFlag> Flags,
    bool Featured,
    string? ThumbnailUrl,
    string StatusUrl,
    string? SourceUrl = null);

/// <summary>The <c>202 Accepted</c> body of an action: the workflow carries it out in a moment.</summary>
public sealed record DecisionAccepted(string Id, string Decision, string StatusUrl);

/// <summary>
/// The curators' HTTP endpoints: the curation page and its sign-in, and the JSON API. Every one
/// checks who is asking before anything else; every action from a browser carries a form token.
/// </summary>
public sealed class CurationEndpoints(
    CuratorAuthenticator authenticator,
    CuratorTokenThrottle tokenThrottle,
    CurationBoard board,
    CurationDecisions decisions,
    BlobServiceClient blobs,
    EntryStore entries,
    FormTokens formTokens,
    PoisonedPosts poisoned,
    PageRenderer pages,
    IOptions<SolidayOptions> soliday,
    IOptions<CurationOptions> curation,
    TimeProvider clock)
{
    public async Task<IResult> Page(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new SeeOtherResult(Routes.CurationSignInUrl);
        }

        return await BoardPageAsync(request, durable, curator, Filter(request.Query), notice: NoticeFor(request.Query), StatusCodes.Status200OK);
    }

    public async Task<IResult> SignInForm(HttpRequest request) => await SignInPageAsync(request, error: null, StatusCodes.Status200OK);

    /// <summary>A curator's own token, for a session cookie in their name (the name is configured with the token, never typed).</summary>
    public async Task<IResult> SignIn(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (formTokens.Validate(form["form-token"], request.Cookies[FormTokens.CookieName]) is null)
        {
            return await SignInPageAsync(request, "This page was open too long. Please sign in again.", StatusCodes.Status400BadRequest);
        }

        var curator = authenticator.CuratorWithToken(form["token"].ToString().Trim());
        var allowance = await tokenThrottle.AllowAsync(request, rightToken: curator is not null);
        if (!allowance.Allowed)
        {
            return request.PrefersHtml()
                ? await TooManyWrongTokensPageAsync(request, allowance)
                : CuratorTokenThrottle.TooMany(request.HttpContext, allowance);
        }

        if (curator is null)
        {
            return await SignInPageAsync(request, "That is not a curator token we know. Check it against the one the organisers gave you, copied whole.", StatusCodes.Status401Unauthorized);
        }

        var (session, options) = authenticator.NewSession(request, curator);
        request.HttpContext.Response.Cookies.Append(CuratorAuthenticator.SessionCookie, session, options);
        return new SeeOtherResult(Routes.CurationUrl());
    }

    /// <summary>Ends the browser's session; with the page's form token, so another site cannot sign a curator out.</summary>
    public async Task<IResult> SignOut(HttpRequest request)
    {
        var input = await CurationInput.ReadAsync(request);
        if (input is null || ForgedFromBrowser(request, input))
        {
            return Problems.Of(400, "Please sign out from the curation page", "This sign-out did not come from the curation page (or the page was open too long). Reload the page and sign out again.", "form-token");
        }

        request.HttpContext.Response.Cookies.Delete(CuratorAuthenticator.SessionCookie, new CookieOptions { Path = "/api" });
        return new SeeOtherResult(Routes.CurationSignInUrl);
    }

    public async Task<IResult> Queue(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is null)
        {
            return Unauthorized();
        }

        var entries = CurationBoard.Filter(await board.ReadAsync(durable, request.HttpContext.RequestAborted), Filter(request.Query), soliday.Value.Zone);
        return Results.Json(entries.Select(ToQueueItem), SolidayJson.Options);
    }

    public Task<IResult> Approve(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Approve);

    public Task<IResult> Reject(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Reject);

    public Task<IResult> Edit(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Edit);

    public Task<IResult> Feature(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Feature);

    /// <summary>The edit page: the whole record, not the summary, so nothing is cut when saved.</summary>
    public async Task<IResult> EditForm(HttpRequest request, string id)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return Unauthorized();
        }

        if ((SubmissionId.IsValid(id) ? await entries.FindAsync(id, request.HttpContext.RequestAborted) : null) is not { } entry)
        {
            return Problems.NotFound("There is no entry with this id.");
        }

        var token = IssueFormToken(request);
        return new HtmlPage(await pages.RenderAsync<EditEntryPage, EditEntryView>(new EditEntryView(curator, entry, token, request.Query["return"].ToString())));
    }

    /// <summary>Approves or rejects every selected entry; each one separately, so one conflict stops none of the others.</summary>
    public async Task<IResult> Bulk(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return Unauthorized();
        }

        var input = await CurationInput.ReadAsync(request);
        if (input is null || ForgedFromBrowser(request, input))
        {
            return Problems.Of(400, "The request could not be read.", "Send the page's form again, or JSON like {\"action\": \"approve\", \"ids\": [...]}.");
        }

        var action = input.Action switch
        {
            "approve" => CurationAction.Approve,
            "reject" => CurationAction.Reject,
            _ => (CurationAction?)null,
        };
        if (action is null || input.Ids is not { Count: > 0 } ids || (action == CurationAction.Reject && ReasonProblem(input.Reason) is not null))
        {
            return await RefusedAsync(request, durable, curator, input, new DecisionRefusal(400, "Choose entries and an action",
                "Tick the entries, then approve them, or give a reason and reject them.", null));
        }

        var done = 0;
        var refused = new List<string>();
        foreach (var id in ids.Distinct())
        {
            var refusal = await decisions.DecideAsync(id, Decision(action.Value, curator, input), durable, request.HttpContext.RequestAborted);
            if (refusal is null)
            {
                done++;
            }
            else
            {
                refused.Add($"{id}: {refusal.Detail}");
            }
        }

        if (request.PrefersHtml())
        {
            return refused.Count == 0
                ? new SeeOtherResult(Routes.CurationUrl(Query(input.Return, $"notice={(action == CurationAction.Approve ? "approved" : "rejected")}&count={done}")))
                : await BoardPageAsync(request, durable, curator, ReturnFilter(input.Return), $"{done} done. Not done: {string.Join(" ", refused)}", StatusCodes.Status409Conflict);
        }

        return Results.Json(new { done, refused }, SolidayJson.Options, statusCode: refused.Count == 0 ? StatusCodes.Status202Accepted : StatusCodes.Status207MultiStatus);
    }

    /// <summary>Streams a rendition that is not public yet, for the curator's eyes only.</summary>
    public async Task<IResult> Media(HttpRequest request, string id, string file)
    {
        if (await authenticator.AuthenticateAsync(request) is null)
        {
            return Unauthorized();
        }

        if (!SubmissionId.IsValid(id) || file.Contains('/') || file.Contains(".."))
        {
            return Problems.NotFound("There is no such image.");
        }

        try
        {
            var blob = blobs.GetBlobContainerClient(StorageLayout.Renditions).GetBlobClient($"{id}/{file}");
            var download = await blob.DownloadStreamingAsync(cancellationToken: request.HttpContext.RequestAborted);
            request.HttpContext.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Stream(download.Value.Content, download.Value.Details.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.NotFound("There is no such image.");
        }
    }

    private async Task<IResult> ActAsync(HttpRequest request, string id, DurableTaskClient durable, CurationAction action)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return Unauthorized();
        }

        var input = await CurationInput.ReadAsync(request, id);
        if (input is null)
        {
            return Problems.Of(400, "The request could not be read.", "Send JSON like {\"reason\": \"...\"}, or use the curation page.");
        }

        if (ForgedFromBrowser(request, input))
        {
            return await RefusedAsync(request, durable, curator, input, new DecisionRefusal(400, "Please try again", "This page was open too long; it has been reloaded.", null));
        }

        if (action == CurationAction.Reject && ReasonProblem(input.Reason) is { } problem)
        {
            return await RefusedAsync(request, durable, curator, input, problem);
        }

        if (action == CurationAction.Feature && input.Featured == false)
        {
            action = CurationAction.Unfeature;
        }

        var before = request.PrefersHtml() ? await CustomStatusAsync(durable, id, request.HttpContext.RequestAborted) : null;
        var refusal = await decisions.DecideAsync(id, Decision(action, curator, input), durable, request.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            return await RefusedAsync(request, durable, curator, input, refusal);
        }

        var verb = action.ToString().ToLowerInvariant();
        if (request.PrefersHtml())
        {
            // The page that follows is read from the orchestration: give it a moment to take the
            // action in, so the curator does not see the entry still waiting and decide it twice.
            await WaitForTheBoardAsync(durable, id, before, request.HttpContext.RequestAborted);
            return new SeeOtherResult(Routes.CurationUrl(Query(input.Return, $"notice={verb}&subject={id}")));
        }

        return Results.Json(new DecisionAccepted(id, verb, Routes.SubmissionStatusUrl(id)), SolidayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<string?> CustomStatusAsync(DurableTaskClient durable, string id, CancellationToken cancellationToken) =>
        (await durable.GetInstanceAsync(SubmissionOrchestration.InstanceId(id), getInputsAndOutputs: true, cancellationToken))?.SerializedCustomStatus;

    /// <summary>Waits, at most three seconds, until the entry's orchestration shows a change from <paramref name="before"/>.</summary>
    private static async Task WaitForTheBoardAsync(DurableTaskClient durable, string id, string? before, CancellationToken cancellationToken)
    {
        for (var wait = 0; wait < 30; wait++)
        {
            await Task.Delay(100, cancellationToken);
            var now = await durable.GetInstanceAsync(SubmissionOrchestration.InstanceId(id), getInputsAndOutputs: true, cancellationToken);
            if (now is null || now.SerializedCustomStatus != before || !now.IsRunning)
            {
                return;
            }
        }
    }

    private CuratorDecisionEvent Decision(CurationAction action, Curator curator, CurationInput input) => new(
        action,
        curator.Name,
        clock.GetUtcNow(),
        action == CurationAction.Reject ? input.Reason?.Trim() : null,
        action == CurationAction.Edit ? new EntryEdit(Clean(input.Text), input.Alts?.Select(a => a.Trim()).ToList(), Clean(input.Credit), input.Tags) : null);

    private static string? Clean(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() is { Length: > 0 } clean ? clean : null;

    private static DecisionRefusal? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > CurationInput.MaxReasonLength
            ? new DecisionRefusal(400, "A reason is needed.", $"Say in a few kind words (at most {CurationInput.MaxReasonLength} characters) why the entry is not published: the resident will read it.", null)
            : null;

    /// <summary>A post from a browser must carry the page's form token: another site's page cannot.</summary>
    private bool ForgedFromBrowser(HttpRequest request, CurationInput input) =>
        request.IsFromBrowser() && formTokens.Validate(input.FormToken, request.Cookies[FormTokens.CookieName]) is null;

    private async Task<IResult> RefusedAsync(HttpRequest request, DurableTaskClient durable, Curator curator, CurationInput input, DecisionRefusal refusal) =>
        request.PrefersHtml()
            ? await BoardPageAsync(request, durable, curator, ReturnFilter(input.Return), $"{refusal.Title}. {refusal.Detail}", refusal.StatusCode)
            : Problems.Of(refusal.StatusCode, refusal.Title, refusal.Detail, refusal.CurrentState is null ? null : $"state:{refusal.CurrentState}",
                refusal.StatusCode == 400 ? new Dictionary<string, string> { ["reason"] = refusal.Detail } : null);

    private async Task<IResult> BoardPageAsync(HttpRequest request, DurableTaskClient durable, Curator curator, BoardFilter filter, string? notice, int status)
    {
        var everything = await board.ReadAsync(durable, request.HttpContext.RequestAborted);
        var view = new CurationView(
            curator,
            CurationBoard.Filter(everything, filter, soliday.Value.Zone),
            everything,
            filter,
            IssueFormToken(request),
            notice,
            ReturnQuery(filter),
            soliday.Value,
            await poisoned.ReadAsync(request.HttpContext.RequestAborted));
        return new HtmlPage(await pages.RenderAsync<CurationPage, CurationView>(view), status);
    }

    private async Task<IResult> SignInPageAsync(HttpRequest request, string? error, int status) =>
        new HtmlPage(await pages.RenderAsync<SignInPage, SignInView>(new SignInView(IssueFormToken(request), error, curation.Value.TrustEasyAuth)), status);

    private async Task<IResult> TooManyWrongTokensPageAsync(HttpRequest request, AddressAllowance allowance)
    {
        request.HttpContext.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
        return await SignInPageAsync(request, CuratorTokenThrottle.TooManyDetail, StatusCodes.Status429TooManyRequests);
    }

    private string IssueFormToken(HttpRequest request)
    {
        var (token, cookie) = formTokens.Issue(request.Cookies[FormTokens.CookieName]);
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, cookie, FormTokens.CookieOptions(request));
        return token;
    }

    private static CurationQueueItem ToQueueItem(BoardEntry entry)
    {
        var s = entry.Summary!;
        return new CurationQueueItem(
            s.SubmissionId, entry.State, s.Text, s.Credit, s.Source, s.ReceivedAt, s.MomentAt, s.PhotoCount, s.Tags, s.Flags, s.Featured,
            s.Thumbnail is { } thumbnail ? Routes.CurationMediaUrl(thumbnail) : null,
            Routes.SubmissionStatusUrl(s.SubmissionId),
            s.SourceUrl);
    }

    /// <summary>The board's filters from a query string; the waiting entries when it names none.</summary>
    private static BoardFilter Filter(IQueryCollection query) => new(
        query.TryGetValue("state", out var state) ? (state.ToString() is { Length: > 0 } s && s != "all" ? s : null) : EntryState.AwaitingCuration.ToWire(),
        int.TryParse(query["hour"], out var hour) && hour is >= 0 and < 24 ? hour : null,
        query["source"].ToString() is { Length: > 0 } source ? source : null,
        query["flag"].ToString() is { Length: > 0 } flag ? flag : null);

    private static BoardFilter ReturnFilter(string? returnQuery) => Filter(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(returnQuery)));

    private static string ReturnQuery(BoardFilter filter) => string.Join("&", new[]
    {
        $"state={Uri.EscapeDataString(filter.State ?? "all")}",
        filter.Hour is { } hour ? $"hour={hour}" : null,
        filter.Source is { } source ? $"source={Uri.EscapeDataString(source)}" : null,
        filter.Flag is { } flag ? $"flag={Uri.EscapeDataString(flag)}" : null,
    }.Where(p => p is not null));

    /// <summary>The filters to go back to, rebuilt from what was parsed: never a string echoed back as it came.</summary>
    private static string Query(string? returnQuery, string notice) => $"{ReturnQuery(ReturnFilter(returnQuery))}&{notice}";

    /// <summary>Notices are codes mapped to fixed words, so a crafted link cannot make the page say anything else.</summary>
    private static string? NoticeFor(IQueryCollection query)
    {
        var subject = SubmissionId.IsValid(query["subject"]) ? $" (entry {query["subject"]})" : "";
        var count = int.TryParse(query["count"], out var n) ? n : 1;
        return query["notice"].ToString() switch
        {
            "approved" or "approve" => $"Approved {count} {(count == 1 ? "entry" : "entries")}{subject}: publishing now.",
            "rejected" or "reject" => $"Rejected {count} {(count == 1 ? "entry" : "entries")}{subject}.",
            "unpublish" => $"Taken off the timeline{subject}: its words and photos are deleted.",
            "remove" => $"Removed{subject}: gone from the site, its words and photos deleted.",
            "reason-needed" => $"Nothing changed{subject}: give a reason to take an entry off.",
            "not-removed" => $"Nothing changed{subject}: it is not on the timeline, or was taken off already, or could not be recorded.",
            "reload" => "This page was open too long; it has been reloaded. Please try again.",
            "edit" => $"Changes saved{subject}.",
            "feature" => $"Featured{subject}.",
            "unfeature" => $"No longer featured{subject}.",
            _ => null,
        };
    }

    private static IResult Unauthorized() => new CuratorsOnly();
}
