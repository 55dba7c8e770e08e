using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// A curator dismisses a report: the audit log keeps who, when, which report and its reason code;
/// the report itself, with its sender's words and address, is deleted.
/// </summary>
public sealed class DismissReportEndpoint(
    CuratorAuthenticator authenticator,
    CurationPages pages,
    ProblemReports reports,
    AuditLog audit,
    TimeProvider clock,
    ILogger<DismissReportEndpoint> logger)
{
    public async Task<IResult> Dismiss(HttpRequest request, string id, string report)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new CuratorsOnly();
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var input = await CurationInput.ReadAsync(request);
        if (input is null)
        {
            return Problems.Of(400, "The request could not be read.", "Send an empty post, or use the reports page.");
        }

        if (pages.ForgedFromBrowser(request, input))
        {
            return Answer(request, "reload", () => Problems.Of(400, "Please try again", "This page was open too long; it has been reloaded.", "reload"));
        }

        var found = SubmissionId.IsValid(id) && IsReportId(report) ? await reports.FindAsync(id, report, cancellationToken) : null;
        if (found is null)
        {
            return Answer(request, "gone", () => Problems.Of(404, "Not found", "There is no open report with this id: it may have been dealt with already.", "report-not-found"));
        }

        // The audit line first: a dismissal that could not be recorded is not made.
        try
        {
            await audit.RecordReportDismissedAsync(id, curator.Name, clock.GetUtcNow(), found.Id, found.Reason, cancellationToken);
        }
        catch (RequestFailedException e)
        {
            logger.LogError(e, "Dismissing problem report {ReportId} could not be written to the audit log; not done", found.Id);
            return Problems.Of(503, "Not recorded, so not done", "Your action could not be written to the audit log, so nothing changed. Please try again in a moment.", "not-recorded");
        }

        await reports.DeleteAsync(id, found.Id, cancellationToken);
        logger.LogInformation("Problem report {ReportId} on submission {SubmissionId} dismissed by {Curator}", found.Id, id, curator.Name);
        return Answer(request, "dismissed", () => Results.Json(new { dismissed = found.Id }, statusCode: StatusCodes.Status200OK));
    }

    /// <summary>To the reports page with a notice code; to an API client, its own answer.</summary>
    private static IResult Answer(HttpRequest request, string notice, Func<IResult> forApi) =>
        request.PrefersHtml() ? new SeeOtherResult(Routes.CurationReportsUrl($"notice={notice}")) : forApi();

    /// <summary>Report ids are 32 lower-case hex characters, like entry ids: anything else is never looked up.</summary>
    private static bool IsReportId(string report) => SubmissionId.IsValid(report);
}
