using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Curation;

/// <summary>
/// Entries that were already waiting when the index came (an app upgraded on the day, a local data
/// folder from before) have no card: without this they would vanish from the board. The first board
/// read gives them theirs from the durable engine's list, once for the store, then marks it done.
/// Safe to run twice at once (a card is written whole); an entry decided meanwhile loses its card
/// again when it is published or discarded, and an erased one at once, as in the workflow's steps.
/// </summary>
public sealed class WaitingBoardFill(WaitingIndex index, WaitingBoard waiting)
{
    private volatile bool _filled;

    /// <param name="everything">The board as the durable engine has it (<see cref="CurationBoard.ReadAsync"/>), read only when the fill is still to do.</param>
    public async Task EnsureAsync(Func<Task<IReadOnlyList<BoardEntry>>> everything, CancellationToken cancellationToken)
    {
        if (_filled || await index.IsFilledAsync(cancellationToken))
        {
            _filled = true;
            return;
        }

        var awaiting = EntryState.AwaitingCuration.ToWire();
        foreach (var summary in (await everything()).Where(e => e.State == awaiting).Select(e => e.Summary).OfType<CurationSummary>())
        {
            await waiting.ShowWhileWaitingAsync(summary, cancellationToken);
        }

        await index.MarkFilledAsync(cancellationToken);
        _filled = true;
    }
}
