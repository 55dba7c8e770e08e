namespace Soliday.Entries;

/// <summary>
/// What a curator does to an entry. Approve and reject decide a waiting entry; unpublish takes a
/// published one off the timeline; edit and feature apply to either, and end nothing. Remove
/// erases an entry whatever its state, long after its workflow has ended (<see cref="RemoveEntryEndpoint"/>).
/// </summary>
public enum CurationAction
{
    Approve,
    Reject,
    Unpublish,
    Edit,
    Feature,
    Unfeature,
    Remove,
}

/// <summary>A curator's corrections. Null leaves a part as it is.</summary>
/// <param name="Alts">One description per photo, in order.</param>
/// <param name="Tags">The whole list of tags, replacing the one made automatically.</param>
/// <param name="Moment">The time the resident gave, set or cleared; null leaves it. Optional, so an event raised before it existed still reads.</param>
public sealed record EntryEdit(string? Text = null, IReadOnlyList<string>? Alts = null, string? Credit = null, IReadOnlyList<string>? Tags = null, MomentEdit? Moment = null);

/// <summary>A curator's change to the time the resident gave ("When was this?"): a moment on the day, or null to clear it.</summary>
public sealed record MomentEdit(DateTimeOffset? GivenAt);

/// <summary>The external event a curator's action raises on the entry's orchestration.</summary>
public sealed record CuratorDecisionEvent(CurationAction Action, string Curator, DateTimeOffset DecidedAt, string? Reason = null, EntryEdit? Edit = null)
{
    public bool Ends => Action is CurationAction.Approve or CurationAction.Reject or CurationAction.Unpublish;
}
