using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>Approves or rejects every selected entry; each one separately, so one conflict stops none of the others.</summary>
public sealed class BulkDecisionEndpoint(CuratorAuthenticator authenticator, CurationDecisions decisions, CurationPages pages, TimeProvider clock)
{
    public async Task<IResult> Bulk(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new CuratorsOnly();
        }

        var input = await CurationInput.ReadAsync(request);
        if (input is null || pages.ForgedFromBrowser(request, input))
        {
            return Problems.Of(400, "The request could not be read.", "Send the page's form again, or JSON like {\"action\": \"approve\", \"ids\": [...]}.");
        }

        var action = input.Action switch
        {
            "approve" => CurationAction.Approve,
            "reject" => CurationAction.Reject,
            _ => (CurationAction?)null,
        };
        if (action is null || input.Ids is not { Count: > 0 } ids || (action == CurationAction.Reject && CurationDecisionEndpoint.ReasonProblem(input.Reason) is not null))
        {
            return await pages.RefusedAsync(request, durable, curator, input, new DecisionRefusal(400, "Choose entries and an action",
                "Tick the entries, then approve them, or give a reason and reject them.", null));
        }

        var done = 0;
        var refused = new List<string>();
        foreach (var id in ids.Distinct())
        {
            var decision = CurationDecisionEndpoint.DecisionOf(action.Value, curator, input, clock.GetUtcNow());
            var refusal = await decisions.DecideAsync(id, decision, durable, request.HttpContext.RequestAborted);
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
                ? new SeeOtherResult(BoardQuery.AfterAction(input.Return, $"notice={(action == CurationAction.Approve ? "approved" : "rejected")}&count={done}", nextCard: null))
                : await pages.BoardAsync(request, durable, curator, BoardPlace.Of(input.Return), $"{done} done. Not done: {string.Join(" ", refused)}", StatusCodes.Status409Conflict);
        }

        return Results.Json(new { done, refused }, SolidayJson.Options, statusCode: refused.Count == 0 ? StatusCodes.Status202Accepted : StatusCodes.Status207MultiStatus);
    }
}
