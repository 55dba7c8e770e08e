using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>Where an entry stands: a page for browsers, JSON for API clients; more for its sender (with the take-down key).</summary>
public sealed class EntryStatusEndpoint(LinkedEntries linked, TakedownLinks takedownLinks, PageRenderer pages, IOptions<SiteOptions> site)
{
    public async Task<IResult> Status(HttpRequest request, string id)
    {
        var entry = await linked.FindAsync(id, request);
        if (entry is null)
        {
            return await linked.NotFoundAsync(request);
        }

        // Entry ids are public: only the take-down key shows an entry that is not on the timeline.
        var key = request.Query[SubmissionFormFields.TakedownKey].ToString();
        var forSender = takedownLinks.IsValid(id, key);
        var takedownUrl = forSender && !entry.State.IsErased() ? Routes.TakedownUrl(id, key) : null;
        return request.PrefersHtml()
            ? new HtmlPage(await pages.RenderAsync<StatusPage, StatusView>(new StatusView(entry, site.Value, forSender, takedownUrl, forSender ? key : null)))
            : Results.Json(SubmissionStatus.From(entry, site.Value, forSender), SolidayJson.Options);
    }
}
