using Microsoft.AspNetCore.Http;
using Soliday.Pages;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>The edit page: the whole record, not the summary, so nothing is cut when saved.</summary>
public sealed class EditEntryFormEndpoint(CuratorAuthenticator authenticator, EntryStore entries, CurationPages curationPages, PageRenderer pages, GivenTimes givenTimes)
{
    public async Task<IResult> EditForm(HttpRequest request, string id)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new CuratorsOnly();
        }

        if ((SubmissionId.IsValid(id) ? await entries.FindAsync(id, request.HttpContext.RequestAborted) : null) is not { } entry)
        {
            return Problems.NotFound("There is no entry with this id.");
        }

        var token = curationPages.IssueFormToken(request);
        return new HtmlPage(await pages.RenderAsync<EditEntryPage, EditEntryView>(new EditEntryView(curator, entry, token, request.Query["return"].ToString(), givenTimes.Show(entry.GivenMomentAt))));
    }
}
