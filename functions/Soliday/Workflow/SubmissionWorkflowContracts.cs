using Soliday.Curation;
using Soliday.Entries;

namespace Soliday.Workflow;

/// <summary>The input of the <c>submission-{id}</c> orchestration; its times come from <see cref="CurationOptions"/>.</summary>
/// <param name="DecisionTimeout">How long to wait for a curator before the entry expires unpublished.</param>
/// <param name="ReminderAfter">How long it waits before it is overdue and curators are reminded.</param>
/// <param name="ChangesAfterPublication">How long curators may change it once published.</param>
/// <param name="Published">Set once published: the orchestration then continues as new, following changes.</param>
/// <param name="CheckSourceBeforePublishing">
/// For a post taken from another service: ask its source, once approved, whether the author has
/// deleted it. A field of the input rather than a lookup, so orchestrations of form entries (and
/// those already running when this was added) replay exactly as before.
/// </param>
/// <param name="SourceCheckEvery">How often a published post from elsewhere is asked after at its source; null for the default.</param>
/// <param name="MailResident">The resident asked for a receipt: send it, and the note of the outcome. Only then is a mail step called at all.</param>
/// <param name="PrepareInOneStep">
/// Set by every start since the one-step preparation came: the entry is prepared and offered by one step
/// (<see cref="PreparationActivities.PrepareAndOffer"/>). Workflows started before it have the three
/// steps it replaced in their history and no such field: they replay and go on as they were.
/// </param>
/// <param name="OneTimerAtATime">
/// Set by every start since issue 16: while it waits for a curator, the entry waits on one timer, the
/// reminder's and then the expiry's, not on both at once. Workflows started before have both timers
/// in their history and no such field: they replay and go on as they were.
/// </param>
public sealed record SubmissionWorkflowRequest(
    string SubmissionId,
    TimeSpan DecisionTimeout,
    TimeSpan ReminderAfter,
    TimeSpan ChangesAfterPublication,
    PublishedEntry? Published = null,
    bool CheckSourceBeforePublishing = false,
    TimeSpan? SourceCheckEvery = null,
    bool MailResident = false,
    bool PrepareInOneStep = false,
    bool OneTimerAtATime = false);

/// <summary>A published entry the orchestration keeps following for changes, until <see cref="Until"/>.</summary>
public sealed record PublishedEntry(CurationSummary Summary, DateTimeOffset PublishedAt, DateTime Until);

/// <summary>How the orchestration ended.</summary>
public sealed record SubmissionWorkflowResult(string SubmissionId, EntryState State, string? Reason);
