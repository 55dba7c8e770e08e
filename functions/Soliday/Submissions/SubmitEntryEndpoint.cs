using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Telemetry;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>
/// <c>POST</c> an entry, from the form or an API client: counted, read, checked and kept once, however
/// often it is sent. Browsers get pages, API clients get JSON and problem details.
/// </summary>
public sealed class SubmitEntryEndpoint(
    SubmissionFormReader reader,
    SubmissionIntake intake,
    SubmissionRateLimiter rateLimiter,
    UploadSlots uploadSlots,
    FormTokens formTokens,
    SubmissionFingerprints fingerprints,
    TakedownLinks takedownLinks,
    EntryStore entries,
    SubmissionFormPage formPage,
    KeptPhotos keptPhotos,
    ResidentErrorPages errorPages,
    HelperSessions helpers,
    SiteWords words,
    IOptions<SubmissionOptions> submissions,
    IOptions<SolidayOptions> soliday)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>A minute: a queue of uploads clears in seconds, and the resident is told "a minute" in words.</summary>
    private const string BusyRetryAfterSeconds = "60";

    public async Task<IResult> Submit(HttpRequest request, DurableTaskClient durable)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var client = ClientAddress.Of(request, submissions.Value.ClientAddressHeader);

        // Every post counts, before its body is read: refused and malformed ones cost their sender too.
        var attempt = await rateLimiter.TryAttemptAsync(client, cancellationToken);
        if (!attempt.Allowed)
        {
            SolidayTelemetry.Refused("too-many-attempts");
            var message = words.Say("error.tooManyTries.detail", ("limit", submissions.Value.AttemptLimitPerHour), ("time", words.Time(attempt.RetryAt, soliday.Value.Zone)));
            return await TooManyAsync(request, attempt, words["error.tooManyTries.title"], message, "too-many-attempts");
        }

        // A turn before the body is read: it is held in memory until stored (see UploadSlots).
        using var turn = await uploadSlots.TryEnterAsync(cancellationToken);
        if (turn is null)
        {
            SolidayTelemetry.Refused("busy");
            request.HttpContext.Response.Headers.RetryAfter = BusyRetryAfterSeconds;
            // Many residents are sending at this moment: nothing was read, so nothing was kept.
            return request.PrefersHtml()
                ? await errorPages.RenderAsync(StatusCodes.Status503ServiceUnavailable, words["error.tryAgain.title"], words["error.busy.detail"])
                : Problems.Of(503, words["error.tryAgain.title"], words["error.busy.detail"], "busy");
        }

        var read = HelperConsent.Check(
            await reader.ReadAsync(request, (formToken, keptToken, ct) => FindKeptAsync(request, formToken, keptToken, ct)),
            helpers.Current(request),
            words);
        if (read.Failure is { } failure)
        {
            SolidayTelemetry.Refused(failure.Code ?? "invalid-field");
            return request.PrefersHtml()
                ? await SendBackAsync(request, read, read.Values, failure.FieldErrors, failure.StatusCode)
                : Problems.Of(failure.StatusCode, failure.Title, failure.FieldErrors.Values.First(), failure.Code, failure.WireErrors);
        }

        var nonce = formTokens.Validate(read.Values.FormToken, request.Cookies[FormTokens.CookieName]);
        if (nonce is null && request.IsFromBrowser())
        {
            // A browser's post without a genuine token of ours: an old page, or another site's form.
            var expired = words["error.formExpired.detail"];
            SolidayTelemetry.Refused("form-token");
            return request.PrefersHtml()
                ? await SendBackAsync(request, read, read.Values with { FormToken = null }, new Dictionary<string, string> { ["form"] = expired }, StatusCodes.Status400BadRequest)
                : Problems.Of(400, words["error.formExpired.title"], expired, "form-token");
        }

        var fingerprint = fingerprints.Of(read.Draft!);
        var id = nonce is not null ? formTokens.SubmissionIdFor(nonce)
            : request.Headers[IdempotencyKeyHeader].ToString() is { Length: > 0 } key ? formTokens.SubmissionIdFor(key, client)
            : SubmissionId.New();
        SolidayTelemetry.TagCurrent(id);
        if (await entries.FindAsync(id, cancellationToken) is { } repeated)
        {
            // Sent twice: the same entry, never a second one; but only for the same content.
            return await RepeatedAsync(request, repeated, fingerprint);
        }

        var allowance = await rateLimiter.TryTakeAsync(client, cancellationToken);
        if (!allowance.Allowed)
        {
            SolidayTelemetry.Refused("rate-limit");
            var message = words.Say("error.plenty.detail", ("limit", submissions.Value.RateLimitPerHour), ("time", words.Time(allowance.RetryAt, soliday.Value.Zone)));
            return await TooManyAsync(request, allowance, words["error.plenty.title"], message, "rate-limited");
        }

        Entry entry;
        try
        {
            entry = await intake.AcceptAsync(read.Draft!, fingerprint, id, durable, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Intake has logged the cause and removed what it stored; the resident may simply retry.
            SolidayTelemetry.Refused("unavailable");
            return request.PrefersHtml()
                ? await errorPages.RenderAsync(StatusCodes.Status503ServiceUnavailable, words["error.tryAgain.title"], words["error.unavailable.detail"])
                : Problems.Of(503, words["error.tryAgain.title"], words["error.unavailable.detail"]);
        }

        return await RepeatedAsync(request, entry, fingerprint); // another copy may have been stored first
    }

    /// <summary>
    /// The form back with what to fix, and with the photos that came with it kept for the next try,
    /// under the entry id the page's form token stands for: a browser never keeps a chosen file.
    /// </summary>
    private async Task<IResult> SendBackAsync(HttpRequest request, SubmissionFormResult read, SubmissionFormValues values, IReadOnlyDictionary<string, string> errors, int status)
    {
        var grant = formPage.Grant(request, values.FormToken);
        var kept = await keptPhotos.KeepAsync(grant.SubmissionId, read.KeepablePhotos, request.HttpContext.RequestAborted);
        return await formPage.RenderAsync(request, values, errors, status, kept, grant);
    }

    /// <summary>A photo kept from the last try of this browser's form: only a genuine form token, bound to its cookie, names one.</summary>
    private Task<BinaryData?> FindKeptAsync(HttpRequest request, string formToken, string keptToken, CancellationToken cancellationToken) =>
        formTokens.Validate(formToken, request.Cookies[FormTokens.CookieName]) is { } nonce
            ? keptPhotos.FindAsync(formTokens.SubmissionIdFor(nonce), keptToken, cancellationToken)
            : Task.FromResult<BinaryData?>(null);

    private IResult Accepted(HttpRequest request, Entry entry)
    {
        var statusUrl = Routes.SubmissionStatusUrl(entry.Id);
        var key = takedownLinks.Issue(entry.Id);
        return request.PrefersHtml()
            ? new SeeOtherResult($"{statusUrl}?{SubmissionFormFields.TakedownKey}={key}")
            : Results.Json(
                new SubmissionAccepted(entry.Id, entry.State.ToWire(), statusUrl, Routes.TakedownUrl(entry.Id, key)),
                SolidayJson.Options,
                statusCode: StatusCodes.Status202Accepted);
    }

    private async Task<IResult> RepeatedAsync(HttpRequest request, Entry entry, string fingerprint)
    {
        // No fingerprint: an entry its sender took down (nothing of it is left to hand over).
        if (entry.Fingerprint is null || entry.Fingerprint == fingerprint)
        {
            return Accepted(request, entry);
        }

        var title = words["error.alreadySent.title"];
        var message = words["error.alreadySent.detail"];
        return request.PrefersHtml()
            ? await errorPages.RenderAsync(StatusCodes.Status422UnprocessableEntity, title, message)
            : Problems.Of(422, title, message, "already-sent");
    }

    private async Task<IResult> TooManyAsync(HttpRequest request, AddressAllowance allowance, string title, string message, string code)
    {
        request.HttpContext.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
        return request.PrefersHtml()
            ? await errorPages.RenderAsync(StatusCodes.Status429TooManyRequests, title, message)
            : Problems.Of(429, title, message, code);
    }
}
