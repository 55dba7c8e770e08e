using Microsoft.AspNetCore.Http;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>The board's counts as the curation page polls them: how many wait, and how many have arrived since it opened.</summary>
/// <param name="Reports">Problems the public reported that no curator has dealt with yet (see <see cref="ProblemReports"/>).</param>
public sealed record CurationCounts(int Waiting, long Arrived, long Approved, long Rejected, int Reports);

/// <summary>
/// The board's counts, for the curation page to tell a curator that new entries have come without a
/// reload. One small blob read and one listing of the open reports (a handful on any day), so a page polling every half minute costs next to nothing.
/// </summary>
public sealed class CurationCountsEndpoint(CuratorAuthenticator authenticator, BoardCountsBlob counts, ProblemReports reports)
{
    public async Task<IResult> Counts(HttpRequest request)
    {
        if (await authenticator.AuthenticateAsync(request) is null)
        {
            return new CuratorsOnly();
        }

        var now = await counts.ReadAsync(request.HttpContext.RequestAborted);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.Json(new CurationCounts(now.Waiting, now.Arrived, now.DecidedOf("approve"), now.DecidedOf("reject"), await reports.CountOpenAsync(request.HttpContext.RequestAborted)), SolidayJson.Options);
    }
}
