using Microsoft.AspNetCore.Http;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Web;
using Soliday.Words;

namespace Soliday.Submissions;

/// <summary>The entry a status or take-down link names, and the answer when there is none.</summary>
public sealed class LinkedEntries(EntryStore entries, ResidentErrorPages errorPages, SiteWords words)
{
    /// <summary>Null for an id that is not one of ours: it is never looked up.</summary>
    public async Task<Entry?> FindAsync(string id, HttpRequest request) =>
        SubmissionId.IsValid(id) ? await entries.FindAsync(id, request.HttpContext.RequestAborted) : null;

    public async Task<IResult> NotFoundAsync(HttpRequest request)
    {
        var notFound = words["error.notFound.detail"];
        return request.PrefersHtml()
            ? await errorPages.RenderAsync(StatusCodes.Status404NotFound, words["error.notFound.title"], notFound)
            : Problems.Of(404, words["error.notFound.problemTitle"], notFound);
    }
}
