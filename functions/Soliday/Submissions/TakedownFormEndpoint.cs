using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soliday.Pages;
using Soliday.Timeline;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>The page a take-down link opens: it asks before removing anything, so a link preview cannot.</summary>
public sealed class TakedownFormEndpoint(LinkedEntries linked, TakedownLinks takedownLinks, TakedownAnswers answers, PageRenderer pages, IOptions<SiteOptions> site)
{
    public async Task<IResult> TakedownForm(HttpRequest request, string id)
    {
        var entry = await linked.FindAsync(id, request);
        var key = request.Query[SubmissionFormFields.TakedownKey].ToString();
        if (entry is null || !takedownLinks.IsValid(id, key))
        {
            return await answers.InvalidLinkAsync(request);
        }

        return new HtmlPage(await pages.RenderAsync<TakedownPage, TakedownView>(new TakedownView(entry, key, TakedownAnswers.ProgressOf(entry), site.Value)));
    }
}
