using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>The curation page: the board for a signed-in curator, the way to sign in for anyone else.</summary>
public sealed class CurationPageEndpoint(CuratorAuthenticator authenticator, CurationPages pages, EntryStore entries)
{
    public async Task<IResult> Page(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new SeeOtherResult(Routes.CurationSignInUrl);
        }

        // The notice names the entry by its caption, read from its record (an erased one has none to show).
        var subject = BoardQuery.Subject(request.Query);
        var caption = subject is not null && await entries.FindAsync(subject, request.HttpContext.RequestAborted) is { } entry && !entry.State.IsErased() ? entry.Text : null;
        var place = BoardPlace.Of(request.Query) with { ProblemCard = BoardQuery.IsProblem(request.Query) ? subject : null };
        return await pages.BoardAsync(request, durable, curator, place, BoardQuery.NoticeFor(request.Query, caption), StatusCodes.Status200OK);
    }
}
