using Microsoft.AspNetCore.Http;
using Soliday.Entries;
using Soliday.Web;

namespace Soliday.Submissions;

/// <summary>What the take-down page and the take-down itself both say: how far it went, and that a link does not work.</summary>
public sealed class TakedownAnswers(ResidentErrorPages errorPages)
{
    public static TakedownProgress ProgressOf(Entry entry) =>
        EntryErasure.IsFinished(entry) ? TakedownProgress.Removed
        : entry.State.IsErased() ? TakedownProgress.BeingRemoved
        : TakedownProgress.NotAsked;

    public async Task<IResult> InvalidLinkAsync(HttpRequest request)
    {
        const string Message = "This removal link is not valid, or has expired. Nothing was changed. If you need an entry removed, please contact the #Soliday team.";
        return request.PrefersHtml()
            ? await errorPages.RenderAsync(StatusCodes.Status403Forbidden, "This link does not work", Message)
            : Problems.Of(403, "Not a valid removal link", Message, "takedown-token");
    }
}
