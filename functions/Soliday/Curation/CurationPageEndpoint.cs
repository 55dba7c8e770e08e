using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>The curation page: the board for a signed-in curator, the way to sign in for anyone else.</summary>
public sealed class CurationPageEndpoint(CuratorAuthenticator authenticator, CurationPages pages)
{
    public async Task<IResult> Page(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is not { } curator)
        {
            return new SeeOtherResult(Routes.CurationSignInUrl);
        }

        return await pages.BoardAsync(request, durable, curator, BoardQuery.Filter(request.Query), notice: BoardQuery.NoticeFor(request.Query), StatusCodes.Status200OK);
    }
}
