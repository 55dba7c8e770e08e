using Soliday.Entries;
using Soliday.Timeline;

namespace Soliday.Submissions;

// What the form, status and take-down pages show.

/// <param name="OffersReceipt">Email is set up, so the "Email me a receipt" box is shown; never a promise the app cannot keep.</param>
public sealed record SubmitView(SubmissionFormValues Values, IReadOnlyDictionary<string, string> Errors, SiteOptions Site, long MaxUploadBytes, bool OffersReceipt = false)
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

    /// <summary>For an erased entry: nothing of it is left (until then the page says it is being removed).</summary>
    public bool ErasureFinished => EntryErasure.IsFinished(Entry);
}

public sealed record TakedownView(Entry Entry, string Key, TakedownProgress Progress, SiteOptions Site)
{
    /// <summary>The minutes the sender is promised, in words.</summary>
    public int PromisedMinutes => (int)EntryErasure.TakedownPromise.TotalMinutes;
}

/// <summary>Where a take-down stands: asked for (and being carried out), then finished.</summary>
public enum TakedownProgress
{
    NotAsked,
    BeingRemoved,
    Removed,
}
