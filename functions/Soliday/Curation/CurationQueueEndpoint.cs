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
    string? SourceUrl = null);

/// <summary>The curation queue as JSON, with the page's filters, for curators' own tools.</summary>
public sealed class CurationQueueEndpoint(CuratorAuthenticator authenticator, CurationBoard board, IOptions<SolidayOptions> soliday)
{
    public async Task<IResult> Queue(HttpRequest request, DurableTaskClient durable)
    {
        if (await authenticator.AuthenticateAsync(request) is null)
        {
            return new CuratorsOnly();
        }

        var entries = CurationBoard.Filter(await board.ReadAsync(durable, request.HttpContext.RequestAborted), BoardQuery.Filter(request.Query), soliday.Value.Zone);
        return Results.Json(entries.Select(ToQueueItem), SolidayJson.Options);
    }

    private static CurationQueueItem ToQueueItem(BoardEntry entry)
    {
        var s = entry.Summary!;
        return new CurationQueueItem(
            s.SubmissionId, entry.State, s.Text, s.Credit, s.Source, s.ReceivedAt, s.MomentAt, s.PhotoCount, s.Tags, s.Flags, s.Featured,
            s.Thumbnail is { } thumbnail ? Routes.CurationMediaUrl(thumbnail) : null,
            Routes.SubmissionStatusUrl(s.SubmissionId),
            s.SourceUrl);
    }
}
