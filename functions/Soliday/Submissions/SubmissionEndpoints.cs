using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Imaging;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// The residents' HTTP endpoints: the form, sending an entry, and following it. Browsers get pages,
/// API clients get JSON and problem details; both hosts call these same methods.
/// </summary>
public sealed class SubmissionEndpoints(
    SubmissionFormReader reader,
    SubmissionIntake intake,
    EntryStore entries,
    PageRenderer pages,
    IOptions<SiteOptions> site,
    IOptions<ImagingOptions> imaging)
{
    public async Task<IResult> Form(HttpRequest request) =>
        await FormPageAsync(SubmissionFormValues.Empty, new Dictionary<string, string>(), StatusCodes.Status200OK);

    public async Task<IResult> Submit(HttpRequest request, DurableTaskClient durable)
    {
        var read = await reader.ReadAsync(request);
        if (read.Failure is { } failure)
        {
            return request.PrefersHtml()
                ? await FormPageAsync(read.Values, failure.FieldErrors, failure.StatusCode)
                : Problems.Of(failure.StatusCode, failure.Title, failure.FieldErrors.Values.First(), failure.Code, failure.FieldErrors);
        }

        Entry entry;
        try
        {
            entry = await intake.AcceptAsync(read.Draft!, durable, request.HttpContext.RequestAborted);
        }
        catch (Exception) when (!request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Intake has logged the cause and removed what it stored; the resident may simply retry.
            return request.PrefersHtml()
                ? await ErrorPageAsync(StatusCodes.Status503ServiceUnavailable, "Please try again in a minute", Problems.UnavailableDetail)
                : Problems.Unavailable();
        }

        var statusUrl = Routes.SubmissionStatusUrl(entry.Id);
        return request.PrefersHtml()
            ? new SeeOtherResult(statusUrl)
            : Results.Json(new SubmissionAccepted(entry.Id, entry.State.ToWire(), statusUrl), SolidayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    public async Task<IResult> Status(HttpRequest request, string id)
    {
        var entry = SubmissionId.IsValid(id) ? await entries.FindAsync(id, request.HttpContext.RequestAborted) : null;
        if (entry is null)
        {
            const string NotFound = "We could not find an entry with this number. Please check the link you were given.";
            return request.PrefersHtml()
                ? await ErrorPageAsync(StatusCodes.Status404NotFound, "Entry not found", NotFound)
                : Problems.NotFound(NotFound);
        }

        return request.PrefersHtml()
            ? new HtmlPage(await pages.RenderAsync<StatusPage, StatusView>(new StatusView(entry, site.Value)))
            : Results.Json(SubmissionStatus.From(entry, site.Value), SolidayJson.Options);
    }

    private async Task<IResult> FormPageAsync(SubmissionFormValues values, IReadOnlyDictionary<string, string> errors, int status) =>
        new HtmlPage(await pages.RenderAsync<SubmitPage, SubmitView>(new SubmitView(values, errors, site.Value, imaging.Value.MaxUploadBytes)), status);

    private async Task<IResult> ErrorPageAsync(int status, string title, string message) =>
        new HtmlPage(await pages.RenderAsync<ErrorPage, ErrorView>(new ErrorView(title, message, site.Value)), status);
}
