using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Mail;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Telemetry;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// The residents' HTTP endpoints: the form, sending an entry, following it, taking it down.
/// Browsers get pages, API clients get JSON and problem details; both hosts call these methods.
/// </summary>
public sealed class SubmissionEndpoints(
    SubmissionFormReader reader,
    SubmissionIntake intake,
    SubmissionRateLimiter rateLimiter,
    UploadSlots uploadSlots,
    FormTokens formTokens,
    SubmissionFingerprints fingerprints,
    TakedownLinks takedownLinks,
    ErasureRequests erasures,
    EntryStore entries,
    PageRenderer pages,
    IOptions<SiteOptions> site,
    IOptions<ImagingOptions> imaging,
    IOptions<SubmissionOptions> submissions,
    IOptions<SolidayOptions> soliday,
    MailSender mail)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Many residents are sending at this moment: nothing was read, so nothing was kept.</summary>
    private const string BusyDetail = "Lots of people are sending their photos right now. Nothing was kept, so please send yours again in a minute.";

    /// <summary>A minute: a queue of uploads clears in seconds, and the resident is told "a minute" in words.</summary>
    private const string BusyRetryAfterSeconds = "60";

    public async Task<IResult> Form(HttpRequest request) =>
        await FormPageAsync(request, SubmissionFormValues.Empty, new Dictionary<string, string>(), StatusCodes.Status200OK);

    public async Task<IResult> Submit(HttpRequest request, DurableTaskClient durable)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var client = ClientAddress.Of(request, submissions.Value.ClientAddressHeader);

        // Every post counts, before its body is read: refused and malformed ones cost their sender too.
        var attempt = await rateLimiter.TryAttemptAsync(client, cancellationToken);
        if (!attempt.Allowed)
        {
            SolidayTelemetry.Refused("too-many-attempts");
            var message = $"We take up to {submissions.Value.AttemptLimitPerHour} sends an hour from one connection, so that everyone gets a turn. Please try again after {Display.Time(attempt.RetryAt, soliday.Value.Zone)}.";
            return await TooManyAsync(request, attempt, "Too many tries from one connection", message, "too-many-attempts");
        }

        // A turn before the body is read: it is held in memory until stored (see UploadSlots).
        using var turn = await uploadSlots.TryEnterAsync(cancellationToken);
        if (turn is null)
        {
            SolidayTelemetry.Refused("busy");
            request.HttpContext.Response.Headers.RetryAfter = BusyRetryAfterSeconds;
            return request.PrefersHtml()
                ? await ErrorPageAsync(StatusCodes.Status503ServiceUnavailable, "Please try again in a minute", BusyDetail)
                : Problems.Of(503, "Please try again in a minute", BusyDetail, "busy");
        }

        var read = await reader.ReadAsync(request);
        if (read.Failure is { } failure)
        {
            SolidayTelemetry.Refused(failure.Code ?? "invalid-field");
            return request.PrefersHtml()
                ? await FormPageAsync(request, read.Values, failure.FieldErrors, failure.StatusCode)
                : Problems.Of(failure.StatusCode, failure.Title, failure.FieldErrors.Values.First(), failure.Code, failure.WireErrors);
        }

        var nonce = formTokens.Validate(read.Values.FormToken, request.Cookies[FormTokens.CookieName]);
        if (nonce is null && request.IsFromBrowser())
        {
            // A browser's post without a genuine token of ours: an old page, or another site's form.
            const string Expired = "This form was open for too long. Please check your entry and send it again.";
            SolidayTelemetry.Refused("form-token");
            return request.PrefersHtml()
                ? await FormPageAsync(request, read.Values with { FormToken = null }, new Dictionary<string, string> { ["form"] = Expired }, StatusCodes.Status400BadRequest)
                : Problems.Of(400, "The form has expired.", Expired, "form-token");
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
            var message = $"Thank you for all your entries! We take up to {submissions.Value.RateLimitPerHour} an hour from one connection, so that everyone gets a turn. Please send more after {Display.Time(allowance.RetryAt, soliday.Value.Zone)}.";
            return await TooManyAsync(request, allowance, "Thank you: that is plenty for this hour", message, "rate-limited");
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
                ? await ErrorPageAsync(StatusCodes.Status503ServiceUnavailable, "Please try again in a minute", Problems.UnavailableDetail)
                : Problems.Unavailable();
        }

        return await RepeatedAsync(request, entry, fingerprint); // another copy may have been stored first
    }

    public async Task<IResult> Status(HttpRequest request, string id)
    {
        var entry = await FindAsync(id, request);
        if (entry is null)
        {
            return await NotFoundAsync(request);
        }

        // Entry ids are public: only the take-down key shows an entry that is not on the timeline.
        var key = request.Query[SubmissionFormFields.TakedownKey].ToString();
        var forSender = takedownLinks.IsValid(id, key);
        var takedownUrl = forSender && !entry.State.IsErased() ? Routes.TakedownUrl(id, key) : null;
        return request.PrefersHtml()
            ? new HtmlPage(await pages.RenderAsync<StatusPage, StatusView>(new StatusView(entry, site.Value, forSender, takedownUrl)))
            : Results.Json(SubmissionStatus.From(entry, site.Value, forSender), SolidayJson.Options);
    }

    /// <summary>The page a take-down link opens: it asks before removing anything, so a link preview cannot.</summary>
    public async Task<IResult> TakedownForm(HttpRequest request, string id)
    {
        var entry = await FindAsync(id, request);
        var key = request.Query[SubmissionFormFields.TakedownKey].ToString();
        if (entry is null || !takedownLinks.IsValid(id, key))
        {
            return await InvalidTakedownLinkAsync(request);
        }

        return new HtmlPage(await pages.RenderAsync<TakedownPage, TakedownView>(new TakedownView(entry, key, TakedownProgressOf(entry), site.Value)));
    }

    /// <summary>
    /// Records the take-down and answers at once: the entry is marked (off the board, never
    /// published) and its erasure queued; the queue's trigger removes the rest within
    /// <see cref="EntryErasure.TakedownPromise"/>, however cold the app was. The status shows when it is done.
    /// </summary>
    public async Task<IResult> Takedown(HttpRequest request, string id, DurableTaskClient durable)
    {
        var key = request.HasFormContentType
            ? (await request.ReadFormAsync(request.HttpContext.RequestAborted))[SubmissionFormFields.TakedownKey].ToString()
            : request.Query[SubmissionFormFields.TakedownKey].ToString();
        if (!SubmissionId.IsValid(id) || !takedownLinks.IsValid(id, key))
        {
            return await InvalidTakedownLinkAsync(request);
        }

        var entry = await FindAsync(id, request);
        if (entry is null)
        {
            return await NotFoundAsync(request);
        }

        // Already gone: nothing to queue again.
        var marked = EntryErasure.IsFinished(entry) ? entry : await erasures.TakeDownAsync(id, durable, request.HttpContext.RequestAborted) ?? entry;

        var progress = TakedownProgressOf(marked);
        return request.PrefersHtml()
            ? new HtmlPage(await pages.RenderAsync<TakedownPage, TakedownView>(new TakedownView(marked, key, progress, site.Value)))
            : Results.Json(SubmissionStatus.From(marked, site.Value, forSender: true), SolidayJson.Options,
                statusCode: progress == TakedownProgress.Removed ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }

    private static TakedownProgress TakedownProgressOf(Entry entry) =>
        EntryErasure.IsFinished(entry) ? TakedownProgress.Removed
        : entry.State.IsErased() ? TakedownProgress.BeingRemoved
        : TakedownProgress.NotAsked;

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

        const string Title = "This was already sent with different content";
        const string Message = "An entry was already sent from this form (or with this Idempotency-Key), and what you sent now is different, so nothing new was kept. To send another entry, please open the form again (or use a new Idempotency-Key).";
        return request.PrefersHtml()
            ? await ErrorPageAsync(StatusCodes.Status422UnprocessableEntity, Title, Message)
            : Problems.Of(422, Title, Message, "already-sent");
    }

    private async Task<Entry?> FindAsync(string id, HttpRequest request) =>
        SubmissionId.IsValid(id) ? await entries.FindAsync(id, request.HttpContext.RequestAborted) : null;

    private async Task<IResult> FormPageAsync(HttpRequest request, SubmissionFormValues values, IReadOnlyDictionary<string, string> errors, int status)
    {
        // Keep a genuine token (the same form sent again is the same entry); otherwise issue one.
        var cookie = request.Cookies[FormTokens.CookieName];
        var token = formTokens.Validate(values.FormToken, cookie) is not null ? (values.FormToken!, cookie!) : formTokens.Issue(cookie);
        request.HttpContext.Response.Cookies.Append(FormTokens.CookieName, token.Item2, FormTokens.CookieOptions(request));
        var view = new SubmitView(values with { FormToken = token.Item1 }, errors, site.Value, imaging.Value.MaxUploadBytes, mail.IsConfigured);
        return new HtmlPage(await pages.RenderAsync<SubmitPage, SubmitView>(view), status);
    }

    private async Task<IResult> TooManyAsync(HttpRequest request, AddressAllowance allowance, string title, string message, string code)
    {
        request.HttpContext.Response.Headers.RetryAfter = allowance.RetryAfterSeconds;
        return request.PrefersHtml()
            ? await ErrorPageAsync(StatusCodes.Status429TooManyRequests, title, message)
            : Problems.Of(429, title, message, code);
    }

    private async Task<IResult> NotFoundAsync(HttpRequest request)
    {
        const string NotFound = "We could not find an entry with this number. Please check the link you were given.";
        return request.PrefersHtml()
            ? await ErrorPageAsync(StatusCodes.Status404NotFound, "Entry not found", NotFound)
            : Problems.NotFound(NotFound);
    }

    private async Task<IResult> InvalidTakedownLinkAsync(HttpRequest request)
    {
        const string Message = "This removal link is not valid, or has expired. Nothing was changed. If you need an entry removed, please contact the #Soliday team.";
        return request.PrefersHtml()
            ? await ErrorPageAsync(StatusCodes.Status403Forbidden, "This link does not work", Message)
            : Problems.Of(403, "Not a valid removal link", Message, "takedown-token");
    }

    private async Task<IResult> ErrorPageAsync(int status, string title, string message) =>
        new HtmlPage(await pages.RenderAsync<ErrorPage, ErrorView>(new ErrorView(title, message, site.Value)), status);
}
