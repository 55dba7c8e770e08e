using Microsoft.AspNetCore.Http;
using Soliday.Entries;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>What the take-down page and the take-down itself both say: how far it went, and that a link does not work.</summary>
public sealed class TakedownAnswers(ResidentErrorPages errorPages, SiteWords words)
{
    public static TakedownProgress ProgressOf(Entry entry) =>
        EntryErasure.IsFinished(entry) ? TakedownProgress.Removed
        : entry.State.IsErased() ? TakedownProgress.BeingRemoved
        : TakedownProgress.NotAsked;

    public async Task<IResult> InvalidLinkAsync(HttpRequest request)
    {
        var message = words["error.badLink.detail"];
        return request.PrefersHtml()
            ? await errorPages.RenderAsync(StatusCodes.Status403Forbidden, words["error.badLink.title"], message)
            : Problems.Of(403, words["error.badLink.problemTitle"], message, "takedown-token");
    }
}
