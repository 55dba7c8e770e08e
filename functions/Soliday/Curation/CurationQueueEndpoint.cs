using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>An entry in the curation queue, as the JSON API returns it.</summary>
public sealed record CurationQueueItem(
    string Id,
    string State,
    string Caption,
    string Credit,
    string Source,
    DateTimeOffset ReceivedAt,
    DateTimeOffset MomentAt,
    int PhotoCount,
    IReadOnlyList<string> Tags,
    IReadOnlyList<EntryFlag> Flags,
    bool Featured,
    string? ThumbnailUrl,
    string StatusUrl,
    string? SourceUrl = null)
{
    /// <summary>Every photo's description, in order.</summary>
    public IReadOnlyList<string> Alts { get; init; } = [];

    /// <summary>The address the resident gave (curators only).</summary>
    public string? ContactEmail { get; init; }

    /// <summary>The time the resident gave ("When was this?"), or a curator set; null when none.</summary>
    public DateTimeOffset? GivenMomentAt { get; init; }

    /// <summary>The first photo's largest rendition, to look closely.</summary>
    public string? LargePhotoUrl { get; init; }

    /// <summary>On the recent decisions: who decided, what, and when.</summary>
    public DecisionNote? Decision { get; init; }
}

/// <summary>
/// The curation queue as JSON, with the page's filters, for curators' own tools. Waiting entries
/// come a page at a time from the board's index, oldest arrival first (<c>order=newest</c> for the
/// newest), and <c>state=decided</c> the recent decisions newest first; the body stays the array it
/// always was, and the next page is named in a <c>Link: rel="next"</c> header and its continuation
/// in <c>Soliday-Continuation</c>. Other states are read whole from the durable engine (a slow path
/// for tools; the page never takes it).
/// </summary>
public sealed class CurationQueueEndpoint(CuratorAuthenticator authenticator, CurationBoard board, WaitingBoard waiting, DecidedBoard decided, WaitingBoardFill fill, IOptions<SolidayOptions> soliday)
{
    public const string ContinuationHeader = "Soliday-Continuation";

    public async Task<IResult> Queue(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is null)
        {
            return new CuratorsOnly();
        }

        var filter = BoardQuery.Filter(request.Query);
        var fromIndex = BoardQuery.ShowsWaiting(filter) || filter.State == DecidedBoard.Decided;
        if (!fromIndex)
        {
            var entries = CurationBoard.Filter(await board.ReadAsync(durable, request.HttpContext.RequestAborted), filter, soliday.Value.Zone);
            return Results.Json(entries.Select(ToQueueItem), SolidayJson.Options);
        }

        await fill.EnsureAsync(() => board.ReadAsync(durable, request.HttpContext.RequestAborted), request.HttpContext.RequestAborted);
        var continuation = BoardQuery.Continuation(request.Query);
        var page = BoardQuery.ContinuationTooLong(request.Query) ? null
            : BoardQuery.ShowsWaiting(filter) ? await waiting.ReadAsync(filter, continuation, WaitingIndex.PageSize, soliday.Value.Zone, request.HttpContext.RequestAborted)
            : await decided.ReadAsync(filter, continuation, WaitingIndex.PageSize, soliday.Value.Zone, durable, request.HttpContext.RequestAborted);
        if (page is null)
        {
            return Problems.Of(400, "This page of the queue cannot be found", "The continuation is not one this queue handed out. Start again from the first page.", "bad-continuation");
        }

        if (page.Continuation is { } next)
        {
            request.HttpContext.Response.Headers.Link = $"<{Routes.CurationQueueUrl(BoardQuery.NextPageQuery(filter, next))}>; rel=\"next\"";
            request.HttpContext.Response.Headers[ContinuationHeader] = next;
        }

        return Results.Json(page.Entries.Select(ToQueueItem), SolidayJson.Options);
    }

    private static CurationQueueItem ToQueueItem(BoardEntry entry)
    {
        var s = entry.Summary!;
        return new CurationQueueItem(
            s.SubmissionId, entry.State, s.Text, s.Credit, s.Source, s.ReceivedAt, s.MomentAt, s.PhotoCount, s.Tags, s.Flags, s.Featured,
            s.Thumbnail is { } thumbnail ? Routes.CurationMediaUrl(thumbnail) : null,
            Routes.SubmissionStatusUrl(s.SubmissionId),
            s.SourceUrl)
        {
            Alts = s.Alts,
            GivenMomentAt = s.GivenMomentAt,
            ContactEmail = s.ContactEmail,
            LargePhotoUrl = s.LargePhoto is { } large ? Routes.CurationMediaUrl(large) : null,
            Decision = entry.Decision,
        };
    }
}
