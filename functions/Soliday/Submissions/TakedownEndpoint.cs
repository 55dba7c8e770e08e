using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>
/// Records the take-down and answers at once: the entry is marked (off the board, never
/// published) and its erasure queued; the queue's trigger removes the rest within
/// <see cref="EntryErasure.TakedownPromise"/>, however cold the app was. The status shows when it is done.
/// </summary>
public sealed class TakedownEndpoint(
    LinkedEntries linked,
    TakedownLinks takedownLinks,
    TakedownAnswers answers,
    ErasureRequests erasures,
    PageRenderer pages,
    IOptions<SiteOptions> site)
{
    public async Task<IResult> Takedown(HttpRequest request, string id, DurableTaskClient durable)
    {
        var key = request.HasFormContentType
            ? (await request.ReadFormAsync(request.HttpContext.RequestAborted))[SubmissionFormFields.TakedownKey].ToString()
            : request.Query[SubmissionFormFields.TakedownKey].ToString();
        if (!SubmissionId.IsValid(id) || !takedownLinks.IsValid(id, key))
        {
            return await answers.InvalidLinkAsync(request);
        }

        var entry = await linked.FindAsync(id, request);
        if (entry is null)
        {
            return await linked.NotFoundAsync(request);
        }

        // Already gone: nothing to queue again.
        var marked = EntryErasure.IsFinished(entry) ? entry : await erasures.TakeDownAsync(id, durable, request.HttpContext.RequestAborted) ?? entry;

        var progress = TakedownAnswers.ProgressOf(marked);
        return request.PrefersHtml()
            ? new HtmlPage(await pages.RenderAsync<TakedownPage, TakedownView>(new TakedownView(marked, key, progress, site.Value)))
            : Results.Json(SubmissionStatus.From(marked, site.Value, forSender: true), SolidayJson.Options,
                statusCode: progress == TakedownProgress.Removed ? StatusCodes.Status200OK : StatusCodes.Status202Accepted);
    }
}
