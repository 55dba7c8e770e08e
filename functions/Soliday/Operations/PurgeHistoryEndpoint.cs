using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Soliday.Curation;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Operations;

/// <summary>The body of <c>POST /api/operations/purge-history</c>; all of it optional.</summary>
public sealed record PurgeHistoryRequest(int? OlderThanDays, string? FormToken = null);

/// <summary>What was purged: workflows that ended and were started before <see cref="CreatedBefore"/>.</summary>
public sealed record PurgeHistoryResult(int Purged, DateTimeOffset CreatedBefore);

/// <summary>
/// <c>POST /api/operations/purge-history</c>: deletes the durable engine's history of workflows that
/// have ended (completed, failed, terminated) and were started more than <c>olderThanDays</c> ago
/// (30 unless given). Entry records, the audit log and the site are untouched, so what residents and
/// curators see does not change; only the engine's step-by-step history goes. Running workflows
/// (entries waiting for a curator, or published and still open to changes) are never purged.
/// Curators only, like every action that changes what is kept; from a browser, only with one of our
/// form tokens (<c>formToken</c>), like every curator action, so another site cannot make a signed-in
/// curator's browser send it.
/// </summary>
public sealed class PurgeHistoryEndpoint(CuratorAuthenticator authenticator, FormTokens formTokens, TimeProvider clock, ILogger<PurgeHistoryEndpoint> logger)
{
    public const int DefaultOlderThanDays = 30;

    private static readonly OrchestrationRuntimeStatus[] Ended =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    public async Task<IResult> PurgeHistory(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new CuratorsOnly();
        }

        var input = await ReadAsync(request);
        if (input is null || input.OlderThanDays is < 0)
        {
            return Problems.Of(400, "The request could not be read.", "Send JSON like {\"olderThanDays\": 30} (0 or more), or no body for 30 days.");
        }

        if (request.IsFromBrowser() && formTokens.Validate(input.FormToken, request.Cookies[FormTokens.CookieName]) is null)
        {
            return Problems.Of(400, "The form has expired.", "From a browser, send a form token from the curation page as formToken.", "form-token");
        }

        var createdBefore = clock.GetUtcNow() - TimeSpan.FromDays(input.OlderThanDays ?? DefaultOlderThanDays);
        // A start is given because the local engine's sidecar cannot read a filter without one.
        var filter = new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: createdBefore, Statuses: Ended);
        var result = await durable.PurgeAllInstancesAsync(filter, request.HttpContext.RequestAborted);
        logger.LogInformation("{Curator} purged the history of {Count} ended workflows started before {CreatedBefore}", curator.Name, result.PurgedInstanceCount, createdBefore);
        return Results.Json(new PurgeHistoryResult(result.PurgedInstanceCount, createdBefore), SolidayJson.Options);
    }

    private static async Task<PurgeHistoryRequest?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 or null && !request.Headers.TransferEncoding.Any())
        {
            return new PurgeHistoryRequest(null);
        }

        try
        {
            return await request.ReadFromJsonAsync<PurgeHistoryRequest>(SolidayJson.Options, request.HttpContext.RequestAborted) ?? new PurgeHistoryRequest(null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
