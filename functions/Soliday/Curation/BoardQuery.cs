using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Soliday.Entries;
using Soliday.Pages;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>
/// The curation page's query string: its filters, its order, the page it is on, the place to go
/// back to after an action, and the notice it shows. Parsed and rebuilt, never echoed back as it came.
/// </summary>
public static class BoardQuery
{
    /// <summary>The value of <c>order</c> that lists the newest arrivals first (the oldest come first otherwise).</summary>
    public const string Newest = "newest";

    /// <summary>Longer than any continuation the index hands out: a longer one is refused before storage sees it.</summary>
    public const int MaxContinuationLength = 1024;

    /// <summary>A caption named in a notice is cut to this many characters: enough to recognise the entry.</summary>
    private const int MaxNamedCaptionLength = 60;

    /// <summary>The board's filters from a query string; the waiting entries when it names none.</summary>
    public static BoardFilter Filter(IQueryCollection query) => new(
        query.TryGetValue("state", out var state) ? (state.ToString() is { Length: > 0 } s && s != "all" ? s : null) : EntryState.AwaitingCuration.ToWire(),
        int.TryParse(query["hour"], out var hour) && hour is >= 0 and < 24 ? hour : null,
        query["source"].ToString() is { Length: > 0 } source ? source : null,
        query["flag"].ToString() is { Length: > 0 } flag ? flag : null,
        query["order"] == Newest);

    /// <summary>Where the page starts: the continuation of the one before, or null for the first (and for one too long to be ours).</summary>
    public static string? Continuation(IQueryCollection query) => query["continuation"].ToString() is { Length: > 0 and <= MaxContinuationLength } c ? c : null;

    /// <summary>Whether a continuation was given that cannot be one the index handed out.</summary>
    public static bool ContinuationTooLong(IQueryCollection query) => query["continuation"].ToString().Length > MaxContinuationLength;

    /// <summary>The query of the next page: the same filters, from <paramref name="continuation"/>.</summary>
    public static string NextPageQuery(BoardFilter filter, string continuation) => PlaceQuery(filter, continuation);

    /// <summary>The query of a page: its filters and, past the first page, where it starts.</summary>
    public static string PlaceQuery(BoardFilter filter, string? continuation) =>
        continuation is null ? ReturnQuery(filter) : $"{ReturnQuery(filter)}&continuation={Uri.EscapeDataString(continuation)}";

    /// <summary>Whether the board is read from the index of waiting entries (otherwise from the recent decisions, or for the API the engine).</summary>
    public static bool ShowsWaiting(BoardFilter filter) => filter.State == EntryState.AwaitingCuration.ToWire();

    public static BoardFilter ReturnFilter(string? returnQuery) => Filter(Parse(returnQuery));

    public static string ReturnQuery(BoardFilter filter) => string.Join("&", new[]
    {
        $"state={Uri.EscapeDataString(filter.State ?? "all")}",
        filter.Hour is { } hour ? $"hour={hour}" : null,
        filter.Source is { } source ? $"source={Uri.EscapeDataString(source)}" : null,
        filter.Flag is { } flag ? $"flag={Uri.EscapeDataString(flag)}" : null,
        filter.NewestFirst ? $"order={Newest}" : null,
    }.Where(p => p is not null));

    /// <summary>The page to go back to, rebuilt from what was parsed (never a string echoed back as it came), with a notice.</summary>
    public static string WithNotice(string? returnQuery, string notice)
    {
        var place = Parse(returnQuery);
        return $"{PlaceQuery(Filter(place), Continuation(place))}&{notice}";
    }

    /// <summary>
    /// The board after an action: the same page, with the notice, scrolled to <paramref name="nextCard"/>
    /// (the card after the one acted on), so a curator carries on where they were, not at the top.
    /// </summary>
    public static string AfterAction(string? returnQuery, string notice, string? nextCard) =>
        Routes.CurationUrl(WithNotice(returnQuery, notice)) + (SubmissionId.IsValid(nextCard) ? $"#c-{nextCard}" : "#entries-title");

    /// <summary>The entry a notice is about, when the query names a valid one.</summary>
    public static string? Subject(IQueryCollection query) => SubmissionId.IsValid(query["subject"]) ? query["subject"].ToString() : null;

    /// <summary>Notices that say an action was not done: shown beside the entry's card as well as at the top.</summary>
    public static bool IsProblem(IQueryCollection query) => query["notice"].ToString() is "reason-needed" or "not-removed" or "reload";

    /// <summary>
    /// Notices are codes mapped to fixed words, so a crafted link cannot make the page say anything
    /// else; the entry is named by its caption (<paramref name="caption"/>, read from its record), or its id.
    /// </summary>
    public static string? NoticeFor(IQueryCollection query, string? caption = null)
    {
        var named = caption is { Length: > 0 } c
            ? $" “{Display.Short(c, MaxNamedCaptionLength)}”"
            : Subject(query) is { } id ? $" entry {id}" : null;
        var subject = named is null ? "" : $" ({named.Trim()})";
        var count = int.TryParse(query["count"], out var n) ? n : 1;
        string Counted() => named ?? $" {count} {(count == 1 ? "entry" : "entries")}";
        return query["notice"].ToString() switch
        {
            "approved" or "approve" => $"Approved{Counted()}: publishing now.",
            "rejected" or "reject" => $"Rejected{Counted()}.",
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

    private static QueryCollection Parse(string? query) => new(QueryHelpers.ParseQuery(query));
}
