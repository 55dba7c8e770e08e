using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Curation;

/// <summary>The <c>202 Accepted</c> body of an action: the workflow carries it out in a moment.</summary>
public sealed record DecisionAccepted(string Id, string Decision, string StatusUrl);

/// <summary>
/// A curator's decision on one entry: approve, reject (with a reason the resident reads), edit,
/// feature. Checks who is asking first; a post from a browser carries the page's form token.
/// </summary>
public sealed class CurationDecisionEndpoint(CuratorAuthenticator authenticator, CurationDecisions decisions, CurationPages pages, GivenTimes givenTimes, TimeProvider clock)
{
    public Task<IResult> Approve(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Approve);

    public Task<IResult> Reject(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Reject);

    public Task<IResult> Edit(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Edit);

    public Task<IResult> Feature(HttpRequest request, string id, DurableTaskClient durable) =>
        ActAsync(request, id, durable, CurationAction.Feature);

    /// <param name="moment">For an edit: the checked time the resident gave, set or cleared; null leaves it.</param>
    public static CuratorDecisionEvent DecisionOf(CurationAction action, Curator curator, CurationInput input, DateTimeOffset decidedAt, MomentEdit? moment = null) => new(
        action,
        curator.Name,
        decidedAt,
        action == CurationAction.Reject ? input.Reason?.Trim() : null,
        action == CurationAction.Edit ? new EntryEdit(Clean(input.Text), input.Alts?.Select(a => a.Trim()).ToList(), Clean(input.Credit), input.Tags, moment) : null);

    public static DecisionRefusal? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > CurationInput.MaxReasonLength
            ? new DecisionRefusal(400, "A reason is needed.", $"Say in a few kind words (at most {CurationInput.MaxReasonLength} characters) why the entry is not published: the resident will read it.", null)
            : null;

    private async Task<IResult> ActAsync(HttpRequest request, string id, DurableTaskClient durable, CurationAction action)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new CuratorsOnly();
        }

        var input = await CurationInput.ReadAsync(request, id);
        if (input is null)
        {
            return Problems.Of(400, "The request could not be read.", "Send JSON like {\"reason\": \"...\"}, or use the curation page.");
        }

        if (pages.ForgedFromBrowser(request, input))
        {
            return await pages.RefusedAsync(request, durable, curator, input, new DecisionRefusal(400, "Please try again", "This page was open too long; it has been reloaded.", null));
        }

        if (action == CurationAction.Reject && ReasonProblem(input.Reason) is { } problem)
        {
            return await pages.RefusedAsync(request, durable, curator, input, problem, id);
        }

        MomentEdit? moment = null;
        if (action == CurationAction.Edit && input.Moment is { } sent)
        {
            var given = givenTimes.Read(sent, SiteWords.English); // the curators' pages are in English
            if (given.Error is { } error)
            {
                return request.PrefersHtml()
                    ? await pages.RefusedAsync(request, durable, curator, input, new DecisionRefusal(400, "The time could not be used.", error, null), id)
                    : Problems.Of(400, "The time could not be used.", error, given.Code, new Dictionary<string, string> { [SubmissionFormFields.Moment] = error });
            }

            moment = new MomentEdit(given.At);
        }

        if (action == CurationAction.Feature && input.Featured == false)
        {
            action = CurationAction.Unfeature;
        }

        // An approval or rejection takes the card off the board before it answers; an edit or
        // featuring is written to the card by the workflow, so the page waits for that.
        var waitsForTheWorkflow = request.PrefersHtml() && action is not (CurationAction.Approve or CurationAction.Reject);
        var before = waitsForTheWorkflow ? await CustomStatusAsync(durable, id, request.HttpContext.RequestAborted) : null;
        var refusal = await decisions.DecideAsync(id, DecisionOf(action, curator, input, clock.GetUtcNow(), moment), durable, request.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            return await pages.RefusedAsync(request, durable, curator, input, refusal, id);
        }

        var verb = action.ToString().ToLowerInvariant();
        if (request.PrefersHtml())
        {
            if (waitsForTheWorkflow)
            {
                await WaitForTheBoardAsync(durable, id, before, request.HttpContext.RequestAborted);
            }

            // Back to the same page, at the card after this one (this one stays for an edit or featuring).
            var next = action is CurationAction.Approve or CurationAction.Reject ? input.Next : id;
            return new SeeOtherResult(BoardQuery.AfterAction(input.Return, $"notice={verb}&subject={id}", next));
        }

        return Results.Json(new DecisionAccepted(id, verb, Routes.SubmissionStatusUrl(id)), SolidayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<string?> CustomStatusAsync(DurableTaskClient durable, string id, CancellationToken cancellationToken) =>
        (await durable.GetInstanceAsync(EntryWorkflow.InstanceId(id), getInputsAndOutputs: true, cancellationToken))?.SerializedCustomStatus;

    /// <summary>Waits, at most three seconds, until the entry's orchestration shows a change from <paramref name="before"/>.</summary>
    private static async Task WaitForTheBoardAsync(DurableTaskClient durable, string id, string? before, CancellationToken cancellationToken)
    {
        for (var wait = 0; wait < 30; wait++)
        {
            await Task.Delay(100, cancellationToken);
            var now = await durable.GetInstanceAsync(EntryWorkflow.InstanceId(id), getInputsAndOutputs: true, cancellationToken);
            if (now is null || now.SerializedCustomStatus != before || !now.IsRunning)
            {
                return;
            }
        }
    }

    private static string? Clean(string? text) => text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() is { Length: > 0 } clean ? clean : null;
}
