using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Curation;

/// <summary>A curator's decision as the list of recent decisions keeps it: which entry, what, who, when; none of the entry's words.</summary>
public sealed record DecisionNote(string SubmissionId, string Action, string Curator, DateTimeOffset DecidedAt);

/// <summary>
/// The curators' recent decisions, newest first, from the <see cref="DecidedIndex"/>: each shown as
/// its entry now stands (read from its record, one read a card, so a page costs the same however
/// many were decided). An approved entry not on the timeline yet is "publishing"; an erased one is
/// left out, as nothing of it is kept to show.
/// </summary>
public sealed class DecidedBoard(DecidedIndex index, EntryStore entries)
{
    /// <summary>The board's word for an approved entry still on its way to the timeline (not a state of the record).</summary>
    public const string Publishing = "publishing";

    /// <summary>What the page's state filter calls the list of recent decisions.</summary>
    public const string Decided = "decided";

    public Task RecordAsync(string id, CuratorDecisionEvent decision, CancellationToken cancellationToken = default)
    {
        var kind = decision.Action.ToString().ToLowerInvariant();
        return index.RecordAsync(id, decision.DecidedAt, kind, SolidayJson.Serialize(new DecisionNote(id, kind, decision.Curator, decision.DecidedAt)), cancellationToken);
    }

    /// <summary>A page of recent decisions the filter shows; null for a continuation the index does not know.</summary>
    public async Task<WaitingBoardPage?> ReadAsync(BoardFilter filter, string? continuation, int pageSize, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (await index.ReadPageAsync(continuation, pageSize, cancellationToken) is not { } page)
        {
            return null;
        }

        var notes = page.Notes.Select(SolidayJson.Deserialize<DecisionNote>).ToList();
        var records = await Task.WhenAll(notes.Select(n => entries.FindAsync(n.SubmissionId, cancellationToken)));
        var shown = notes.Zip(records)
            .Where(pair => pair.Second is { } record && !record.State.IsErased())
            .Select(pair => new BoardEntry(pair.First.SubmissionId, StateOf(pair.Second!, pair.First), CurationSummary.From(pair.Second!)) { Decision = pair.First });
        var state = filter.State == Decided ? null : filter.State;
        return new WaitingBoardPage([.. CurationBoard.Matching(shown, filter with { State = state }, zone)], page.Continuation);
    }

    private static string StateOf(Entry record, DecisionNote note) =>
        record.State is EntryState.AwaitingCuration or EntryState.Processing && note.Action == "approve" ? Publishing : record.State.ToWire();
}
