using Soliday.Entries;
using Soliday.Timeline;

namespace Soliday.Submissions;

// What the form, status and take-down pages show.

public sealed record SubmitView(SubmissionFormValues Values, IReadOnlyDictionary<string, string> Errors, SiteOptions Site, long MaxUploadBytes)
{
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public long MaxUploadMegabytes => MaxUploadBytes / (1024 * 1024);
}

/// <param name="ForSender">Asked with the entry's take-down key: what was sent, and why it was not published, are shown.</param>
/// <param name="TakedownUrl">Shown only to whoever holds the entry's take-down key.</param>
public sealed record StatusView(Entry Entry, SiteOptions Site, bool ForSender, string? TakedownUrl = null)
{
    /// <summary>A published entry shows what the timeline shows anyway; any other only to its sender.</summary>
    public bool ShowsContent => !Entry.State.IsErased() && (ForSender || Entry.State == EntryState.Published);
}

public sealed record TakedownView(Entry Entry, string Key, bool Done, SiteOptions Site);
