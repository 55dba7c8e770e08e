namespace Soliday.Entries;

/// <summary>Where an entry is on its way to the timeline; written as kebab-case in JSON.</summary>
public enum EntryState
{
    Received,
    Processing,
    AwaitingCuration,
    Published,
    Rejected,
    Failed,

    /// <summary>Taken down by the person who sent it: gone from the site and storage; an audit record stays.</summary>
    Withdrawn,

    /// <summary>Taken off by a curator (removed, or unpublished): gone from the site and storage likewise.</summary>
    Removed,
}
