using Microsoft.DurableTask.Client;
using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Curation;

/// <summary>A curator's decision as the list of recent decisions keeps it: which entry, what, who, when; none of the entry's words.</summary>
public sealed record DecisionNote(string SubmissionId, string Action, string Curator, DateTimeOffset DecidedAt);

/// <summary>
/// The curators' recent decisions, newest first, from the <see cref="DecidedIndex"/>: each shown as
/// its entry now stands, from its orchestration's status (which holds what the workflow adds, such
/// as a change that did not reach the site) or, once that is purged, its record: two reads a card,
/// so a page costs the same however many were decided. An approved entry not on the timeline yet is
/// "publishing"; an erased one is left out, as nothing of it is kept to show.
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
    public async Task<WaitingBoardPage?> ReadAsync(BoardFilter filter, string? continuation, int pageSize, TimeZoneInfo zone, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (await index.ReadPageAsync(continuation, pageSize, cancellationToken) is not { } page)
        {
            return null;
        }

        var shown = await Task.WhenAll(page.Notes.Select(SolidayJson.Deserialize<DecisionNote>).Select(note => AsItStandsAsync(note, durable, cancellationToken)));
        var state = filter.State == Decided ? null : filter.State;
        return new WaitingBoardPage([.. CurationBoard.Matching(shown.OfType<BoardEntry>(), filter with { State = state }, zone)], page.Continuation);
    }

    private async Task<BoardEntry?> AsItStandsAsync(DecisionNote note, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var instanceRead = durable.GetInstanceAsync(EntryWorkflow.InstanceId(note.SubmissionId), getInputsAndOutputs: true, cancellationToken);
        var recordRead = entries.FindAsync(note.SubmissionId, cancellationToken);
        await Task.WhenAll(instanceRead, recordRead);
        if (await recordRead is not { } record || record.State.IsErased())
        {
            return null;
        }

        var running = await instanceRead;
        var progress = running?.ReadCustomStatusAs<SubmissionProgress>();
        var state = record.State is EntryState.AwaitingCuration or EntryState.Processing && note.Action == "approve" ? Publishing
            : running?.RuntimeStatus == OrchestrationRuntimeStatus.Failed ? EntryState.Failed.ToWire()
            : record.State.ToWire();
        return new BoardEntry(note.SubmissionId, state, progress?.Curation ?? CurationSummary.From(record)) { Decision = note };
    }
}
