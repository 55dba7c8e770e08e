using Microsoft.Extensions.Options;
using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Curation;

/// <summary>One page of the board's entries as it shows them, and the continuation to the next.</summary>
public sealed record WaitingBoardPage(IReadOnlyList<BoardEntry> Entries, string? Continuation);

/// <summary>
/// The waiting entries' cards in the <see cref="WaitingIndex"/>: written when an entry is offered or
/// changed while it waits, removed when it is decided, published, discarded or erased; read a page
/// at a time, oldest or newest arrival first. Each card is counted under its hour, source and flags,
/// so the page's counts, chart and filters come from a few small blobs (<see cref="BoardCountsBlob"/>).
/// </summary>
public sealed class WaitingBoard(WaitingIndex index, EntryStore entries, IOptions<SolidayOptions> soliday)
{
    public Task ShowAsync(CurationSummary summary, CancellationToken cancellationToken = default) =>
        index.PutAsync(summary.SubmissionId, summary.ReceivedAt, SolidayJson.Serialize(summary), BoardTallies.Of(summary, soliday.Value.Zone), cancellationToken);

    /// <summary>
    /// Puts the entry's card on the board, then looks again: an erasure marks the record before it
    /// takes the card off, so a card written after that is taken off here. False when it was erased.
    /// </summary>
    public async Task<bool> ShowWhileWaitingAsync(CurationSummary summary, CancellationToken cancellationToken = default)
    {
        await ShowAsync(summary, cancellationToken);
        if ((await entries.FindAsync(summary.SubmissionId, cancellationToken))?.State is { } state && !state.IsErased())
        {
            return true;
        }

        await index.RemoveAsync(summary.SubmissionId, summary.ReceivedAt, cancellationToken);
        return false;
    }

    /// <summary>The entry's card as the board shows it, or null when it is not waiting there.</summary>
    public async Task<CurationSummary?> FindAsync(Entry entry, CancellationToken cancellationToken = default) =>
        await index.FindAsync(entry.Id, entry.ReceivedAt, cancellationToken) is { } card ? SolidayJson.Deserialize<CurationSummary>(card) : null;

    public Task RemoveAsync(Entry entry, CancellationToken cancellationToken = default) =>
        index.RemoveAsync(entry.Id, entry.ReceivedAt, cancellationToken);

    /// <summary>A page of waiting entries the filter shows; null for a continuation the index does not know.</summary>
    public async Task<WaitingBoardPage?> ReadAsync(BoardFilter filter, string? continuation, int pageSize, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (await index.ReadPageAsync(continuation, pageSize, filter.NewestFirst, cancellationToken) is not { } page)
        {
            return null;
        }

        // Hour, source and flag are read from each card of the page: a filtered page may hold fewer than a full one.
        var waiting = EntryState.AwaitingCuration.ToWire();
        var entries = page.Cards.Select(SolidayJson.Deserialize<CurationSummary>).Select(summary => new BoardEntry(summary.SubmissionId, waiting, summary));
        return new WaitingBoardPage([.. CurationBoard.Matching(entries, filter with { State = null }, zone)], page.Continuation);
    }
}
