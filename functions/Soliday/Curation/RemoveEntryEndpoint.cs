using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// Taking an entry off for good. <c>remove</c> works on any entry at any time: waiting, published,
/// long after its workflow has ended, a post from elsewhere that has no take-down link; a second
/// removal changes nothing and says so with the same 202. <c>unpublish</c> is the curation card's
/// "take off the timeline": for a published entry, once (a second curator is told who did it).
/// Both erase the entry (<see cref="EntryErasure"/>): nothing of it stays on the site or in
/// storage; the audit log keeps who, when and the curator's reason.
/// </summary>
public sealed class RemoveEntryEndpoint(
    CuratorAuthenticator authenticator,
    FormTokens formTokens,
    EntryStore entries,
    EntryErasure erasure,
    AuditLog audit,
    BlobServiceClient blobs,
    IOptions<SolidayOptions> soliday,
    TimeProvider clock,
    ILogger<RemoveEntryEndpoint> logger)
{
    public Task<IResult> Remove(HttpRequest request, string id, DurableTaskClient durable) =>
        TakeOffAsync(request, id, durable, CurationAction.Remove);

    public Task<IResult> Unpublish(HttpRequest request, string id, DurableTaskClient durable) =>
        TakeOffAsync(request, id, durable, CurationAction.Unpublish);

    private async Task<IResult> TakeOffAsync(HttpRequest request, string id, DurableTaskClient durable, CurationAction action)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new CuratorsOnly();
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var input = await CurationInput.ReadAsync(request, id);
        if (input is null)
        {
            return Problems.Of(400, "The request could not be read.", "Send JSON like {\"reason\": \"...\"}, or use the curation page.");
        }

        if (request.IsFromBrowser() && formTokens.Validate(input.FormToken, request.Cookies[FormTokens.CookieName]) is null)
        {
            return Refused(request, id, input.Return, "reload", 400, "Please try again", "This page was open too long; it has been reloaded.");
        }

        var entry = SubmissionId.IsValid(id) ? await entries.FindAsync(id, cancellationToken) : null;
        if (entry is null)
        {
            return Problems.NotFound("There is no entry with this id.");
        }

        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > CurationInput.MaxReasonLength)
        {
            return Refused(request, id, input.Return, "reason-needed", 400, "A reason is needed.",
                $"Say in a few words (at most {CurationInput.MaxReasonLength} characters) why the entry is taken off: the audit log keeps it, and its sender reads it.",
                fieldErrors: true);
        }

        var decision = new CuratorDecisionEvent(action, curator.Name, clock.GetUtcNow(), reason);
        if (action == CurationAction.Unpublish && await UnpublishRefusalAsync(id, entry, decision, cancellationToken) is { } refusal)
        {
            return Refused(request, id, input.Return, "not-removed", 409, refusal.Title, refusal.Detail, refusal.CurrentState);
        }

        // The audit line first: a removal that could not be recorded is not made. An entry already
        // erased is erased again (to finish one that failed halfway) without a second line.
        if (!entry.State.IsErased())
        {
            try
            {
                await audit.RecordAsync(id, decision, cancellationToken);
            }
            catch (RequestFailedException e)
            {
                logger.LogError(e, "The removal of submission {SubmissionId} could not be written to the audit log; not made", id);
                await RemovalClaim(id).DeleteIfExistsAsync(cancellationToken: CancellationToken.None); // an unpublish not made must not look decided
                return Refused(request, id, input.Return, "not-removed", 503, "Not recorded, so not done", "Your action could not be written to the audit log, so nothing changed. Please try again in a moment.");
            }
        }

        await erasure.EraseAsync(id, ErasureCause.RemovedByCurator(decision.Curator, decision.DecidedAt, reason), durable, cancellationToken);
        logger.LogInformation("Submission {SubmissionId}: {Action} by {Curator}", id, action, curator.Name);

        var verb = action.ToString().ToLowerInvariant();
        return request.PrefersHtml()
            ? new SeeOtherResult(input.Return == CurationReportsView.ReturnHere
                ? Routes.CurationReportsUrl($"notice={CurationReportsView.Removed}")
                : BoardQuery.AfterAction(input.Return, $"notice={verb}&subject={id}", input.Next))
            : Results.Json(new DecisionAccepted(id, verb, Routes.SubmissionStatusUrl(id)), SolidayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// Unpublishing is for an entry on the timeline, once: the first curator's claim (create-once)
    /// wins, and a second is told who took it off and when.
    /// </summary>
    private async Task<DecisionRefusal?> UnpublishRefusalAsync(string id, Entry entry, CuratorDecisionEvent decision, CancellationToken cancellationToken)
    {
        var claim = RemovalClaim(id);
        if (entry.State == EntryState.Published && await claim.CreateOnceAsync(SolidayJson.Serialize(decision), BlobWrites.Json, cancellationToken))
        {
            return null;
        }

        if (await claim.ReadAsync(cancellationToken) is { } taken)
        {
            var earlier = SolidayJson.Deserialize<CuratorDecisionEvent>(taken.Content);
            return new(409, "Already decided", $"{earlier.Curator} took this entry off the timeline on {Display.DateAndTime(earlier.DecidedAt, soliday.Value.Zone)}.", entry.State.ToWire());
        }

        return new(409, "Not on the timeline", $"This entry is {entry.State.ToWire()}, not published. To take it off for good, remove it.", entry.State.ToWire());
    }

    private BlobClient RemovalClaim(string id) => blobs.GetBlobContainerClient(StorageLayout.Entries).GetBlobClient(StorageLayout.RemovalClaim(id));

    /// <summary>To the curation page, a notice code (the page maps it to fixed words) shown at the entry's card; to an API client, problem details.</summary>
    private static IResult Refused(HttpRequest request, string id, string? returnQuery, string notice, int status, string title, string detail, string? state = null, bool fieldErrors = false) =>
        request.PrefersHtml()
            ? new SeeOtherResult(BoardQuery.AfterAction(returnQuery, $"notice={notice}&subject={id}", id))
            : Problems.Of(status, title, detail, state is null ? null : $"state:{state}", fieldErrors ? new Dictionary<string, string> { ["reason"] = detail } : null);
}
