using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>
/// The curation page's query string: its filters, the filters to go back to after an action, and
/// the notice it shows. Parsed and rebuilt, never echoed back as it came.
/// </summary>
public static class BoardQuery
{
    /// <summary>The board's filters from a query string; the waiting entries when it names none.</summary>
    public static BoardFilter Filter(IQueryCollection query) => new(
        query.TryGetValue("state", out var state) ? (state.ToString() is { Length: > 0 } s && s != "all" ? s : null) : EntryState.AwaitingCuration.ToWire(),
        int.TryParse(query["hour"], out var hour) && hour is >= 0 and < 24 ? hour : null,
        query["source"].ToString() is { Length: > 0 } source ? source : null,
        query["flag"].ToString() is { Length: > 0 } flag ? flag : null);

    /// <summary>Longer than any continuation the index hands out: a longer one is refused before storage sees it.</summary>
    public const int MaxContinuationLength = 1024;

    /// <summary>Where the page starts: the continuation of the one before, or null for the first.</summary>
    public static string? Continuation(IQueryCollection query) => query["continuation"].ToString() is { Length: > 0 } c ? c : null;

    /// <summary>The query of the next page: the same filters, from <paramref name="continuation"/>.</summary>
    public static string NextPageQuery(BoardFilter filter, string continuation) => $"{ReturnQuery(filter)}&continuation={Uri.EscapeDataString(continuation)}";

    /// <summary>Whether the board is read from the index of waiting entries, a page at a time (other states come from the engine, whole).</summary>
    public static bool ShowsWaiting(BoardFilter filter) => filter.State == EntryState.AwaitingCuration.ToWire();

    public static BoardFilter ReturnFilter(string? returnQuery) => Filter(new QueryCollection(QueryHelpers.ParseQuery(returnQuery)));

    public static string ReturnQuery(BoardFilter filter) => string.Join("&", new[]
    {
        $"state={Uri.EscapeDataString(filter.State ?? "all")}",
        filter.Hour is { } hour ? $"hour={hour}" : null,
        filter.Source is { } source ? $"source={Uri.EscapeDataString(source)}" : null,
        filter.Flag is { } flag ? $"flag={Uri.EscapeDataString(flag)}" : null,
    }.Where(p => p is not null));

    /// <summary>The filters to go back to, rebuilt from what was parsed: never a string echoed back as it came.</summary>
    public static string WithNotice(string? returnQuery, string notice) => $"{ReturnQuery(ReturnFilter(returnQuery))}&{notice}";

    /// <summary>Notices are codes mapped to fixed words, so a crafted link cannot make the page say anything else.</summary>
    public static string? NoticeFor(IQueryCollection query)
    {
        var subject = SubmissionId.IsValid(query["subject"]) ? $" (entry {query["subject"]})" : "";
        var count = int.TryParse(query["count"], out var n) ? n : 1;
        return query["notice"].ToString() switch
        {
            "approved" or "approve" => $"Approved {count} {(count == 1 ? "entry" : "entries")}{subject}: publishing now.",
            "rejected" or "reject" => $"Rejected {count} {(count == 1 ? "entry" : "entries")}{subject}.",
            "unpublish" => $"Taken off the timeline{subject}: its words and photos are deleted.",
            "remove" => $"Removed{subject}: gone from the site, its words and photos deleted.",
            "reason-needed" => $"Nothing changed{subject}: give a reason to take an entry off.",
            "not-removed" => $"Nothing changed{subject}: it is not on the timeline, or was taken off already, or could not be recorded.",
            "reload" => "This page was open too long; it has been reloaded. Please try again.",
            "edit" => $"Changes saved{subject}.",
            "feature" => $"Featured{subject}.",
            "unfeature" => $"No longer featured{subject}.",
            _ => null,
        };
    }
}
