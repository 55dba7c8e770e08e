using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>What an API client is told when its report is kept.</summary>
public sealed record ProblemReportAccepted(string Id, string EntryId, string Reason);

/// <summary>
/// <c>POST</c> a report of a problem with a published entry: counted, bounded, checked, kept once
/// privately for curators, who are emailed at once. Browsers get pages (errors beside the field),
/// API clients problem details. The report's words and address are never logged.
/// </summary>
public sealed class ReportProblemEndpoint(
    ReportPages pages,
    ProblemReports reports,
    ProblemReportAlert alert,
    AddressCounter counter,
    FormTokens formTokens,
    TokenSigner signer,
    IOptions<SubmissionOptions> submissions,
    IOptions<SolidayOptions> soliday,
    TimeProvider clock,
    SiteWords words,
    ILogger<ReportProblemEndpoint> logger)
{
    /// <summary>
    /// Reports one connection may send in an hour: a library's or café's wifi is one connection for
    /// many people, and someone in several photos reports each; a flood from one address stops at
    /// thirty. Counted per post, refused ones too, before the body is read.
    /// </summary>
    public const int ReportsPerHourFromOneConnection = 30;

    private const string RateLimitPurpose = "problem-report";

    public async Task<IResult> Report(HttpRequest request, string id)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var client = ClientAddress.Of(request, submissions.Value.ClientAddressHeader);
        var allowance = await counter.CountAsync(RateLimitPurpose, client, ReportsPerHourFromOneConnection, cancellationToken);
        if (!allowance.Allowed)
        {
            request.HttpContext.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
            var message = words.Say("report.error.tooMany", ("max", ReportsPerHourFromOneConnection), ("time", words.Time(allowance.RetryAt, soliday.Value.Zone)));
            return await RefusedAsync(request, 429, words["report.error.tooMany.title"], message, "rate-limited");
        }

        if (await pages.PublishedAsync(id, request) is not { } entry)
        {
            return await pages.NotFoundAsync(request);
        }

        if (request.ContentLength > ProblemReportForm.MaxBodyBytes)
        {
            var tooLong = words.Say("report.error.tooLong", ("max", ProblemReportForm.MaxWordsLength.ToString(words.Culture)));
            return await RefusedAsync(request, 413, words["report.error.tooLong.title"], tooLong, "too-large");
        }

        if (await ReadAsync(request) is not { } values)
        {
            return await RefusedAsync(request, 400, words["report.error.unreadable.title"], words["report.error.unreadable"], "unreadable");
        }

        var nonce = formTokens.Validate(values.FormToken, request.Cookies[FormTokens.CookieName]);
        if (nonce is null && request.IsFromBrowser())
        {
            // A browser's post without a genuine token of ours: an old page, or another site's form.
            var expired = words["report.error.expired"];
            return request.PrefersHtml()
                ? await pages.FormAsync(request, entry, values with { FormToken = null }, new Dictionary<string, string> { ["form"] = expired }, StatusCodes.Status400BadRequest)
                : Problems.Of(400, words["report.error.expired.title"], expired, "form-token");
        }

        var errors = ProblemReportForm.Check(values, words);
        if (errors.Count > 0)
        {
            return request.PrefersHtml()
                ? await pages.FormAsync(request, entry, values, errors, StatusCodes.Status400BadRequest)
                : Problems.Of(400, words["report.error.check.title"], errors.Values.First(), "invalid-field", errors);
        }

        // The form's token names the report: the same form sent twice keeps one report.
        var reportId = nonce is null ? Guid.NewGuid().ToString("N") : Convert.ToHexStringLower(signer.Sign(RateLimitPurpose, nonce).AsSpan(0, 16));
        var report = new ProblemReport(reportId, entry.Id, values.Reason, values.Words, values.Email.Length > 0 ? values.Email : null, clock.GetUtcNow());
        var keeping = await reports.KeepAsync(report, cancellationToken);
        if (keeping == ReportKeeping.EntryFull)
        {
            return await RefusedAsync(request, 409, words["report.error.full.title"], words["report.error.full"], "entry-reports-full");
        }

        if (keeping == ReportKeeping.Kept)
        {
            logger.LogInformation("Problem report {ReportId} kept for submission {SubmissionId}: {Reason}", report.Id, entry.Id, report.Reason);
            await alert.TellCuratorsAsync(report, cancellationToken);
        }

        return request.PrefersHtml()
            ? await pages.ThanksAsync(entry, report)
            : Results.Json(new ProblemReportAccepted(report.Id, entry.Id, report.Reason), SolidayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The form's fields, or null when the body is not a form of a report's size.</summary>
    private static async Task<ProblemReportValues?> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = ProblemReportForm.MaxBodyBytes;
        }

        request.Body = new LengthLimitedStream(request.Body, ProblemReportForm.MaxBodyBytes);
        try
        {
            return ProblemReportForm.Read(await request.ReadFormAsync(request.HttpContext.RequestAborted));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null; // broken framing, a body cut short, or one sent in chunks past the limit
        }
    }

    private async Task<IResult> RefusedAsync(HttpRequest request, int status, string title, string message, string code) =>
        request.PrefersHtml()
            ? await pages.ErrorAsync(status, title, message)
            : Problems.Of(status, title, message, code);
}
