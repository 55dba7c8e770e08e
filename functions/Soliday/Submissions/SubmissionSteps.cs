using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Submissions;

/// <summary>The first thing an entry's workflow does: the record says the entry is being prepared.</summary>
public sealed class SubmissionSteps(EntryStore entries)
{
    /// <summary>Marks a received entry as being prepared (an entry already further on stays as it is); returns the record as written.</summary>
    public Task<StoredEntry> BeginProcessingAsync(string submissionId) =>
        entries.UpdateFromAsync(submissionId, known: null, e => e.State == EntryState.Received ? e with { State = EntryState.Processing } : e);
}
