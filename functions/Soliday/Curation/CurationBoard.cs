using Microsoft.DurableTask.Client;
using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>An entry as the curation page lists it: its state and, once prepared, its summary.</summary>
public sealed record BoardEntry(string SubmissionId, string State, CurationSummary? Summary)
{
    /// <summary>Who decided it and how, on the list of recent decisions.</summary>
    public DecisionNote? Decision { get; init; }
}

/// <summary>What curators filter the board by (null shows all), and whether the newest arrivals come first.</summary>
public sealed record BoardFilter(string? State, int? Hour, string? Source, string? Flag, bool NewestFirst = false)
{
    public static BoardFilter Waiting { get; } = new(EntryState.AwaitingCuration.ToWire(), null, null, null);
}

/// <summary>
/// Every entry's state and summary, read from the durable engine (the waiting ones a page at a time come from <see cref="WaitingBoard"/>): each entry's orchestration holds
/// them in its custom status, so the board is one query, not a read of every record.
/// </summary>
public sealed class CurationBoard
{
    private const int PageSize = 500;

    public async Task<IReadOnlyList<BoardEntry>> ReadAsync(DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = EntryWorkflow.InstanceIdPrefix, FetchInputsAndOutputs = true, PageSize = PageSize };
        var board = new List<BoardEntry>();
        await foreach (var instance in durable.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            var progress = instance.ReadCustomStatusAs<SubmissionProgress>();
            var state = instance.RuntimeStatus switch
            {
                OrchestrationRuntimeStatus.Terminated => EntryState.Withdrawn.ToWire(), // only an erasure terminates one, and purges it a moment later
                OrchestrationRuntimeStatus.Failed => EntryState.Failed.ToWire(),
                _ => progress?.State ?? EntryState.Received.ToWire(),
            };
            // An erasure purges the instance; until then its summary (the sender's words) is not shown.
            var summary = instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated ? null : progress?.Curation;
            board.Add(new BoardEntry(instance.InstanceId[EntryWorkflow.InstanceIdPrefix.Length..], state, summary));
        }

        return board;
    }

    /// <summary>The entries a filter shows, in the order the day happened.</summary>
    public static IReadOnlyList<BoardEntry> Filter(IEnumerable<BoardEntry> board, BoardFilter filter, TimeZoneInfo zone) =>
    [
        .. Matching(board, filter, zone)
            .OrderBy(e => e.Summary!.MomentAt)
            .ThenBy(e => e.SubmissionId, StringComparer.Ordinal),
    ];

    /// <summary>The entries a filter shows, in the order they came.</summary>
    public static IEnumerable<BoardEntry> Matching(IEnumerable<BoardEntry> board, BoardFilter filter, TimeZoneInfo zone) =>
        board
            .Where(e => e.Summary is not null)
            .Where(e => filter.State is null || e.State == filter.State)
            .Where(e => filter.Hour is null || TimeZoneInfo.ConvertTime(e.Summary!.MomentAt, zone).Hour == filter.Hour)
            .Where(e => filter.Source is null || e.Summary!.Source == filter.Source)
            .Where(e => filter.Flag is null || e.Summary!.Flags.Any(f => f.Code == filter.Flag));
}
