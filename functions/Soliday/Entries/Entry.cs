namespace Soliday.Entries;

/// <summary>
/// One contribution to the day: a text and zero to four photos. A photo with its caption, or a
/// written post with no photo. This record is what residents' status pages and curators read.
/// </summary>
public sealed record Entry
{
    public const int MaxPhotos = 4;

    public required string Id { get; init; }
    public required EntryState State { get; init; }

    /// <summary>The caption of the photos, or the whole of a written post.</summary>
    public required string Text { get; init; }
    public required IReadOnlyList<EntryPhoto> Photos { get; init; }
    public required string Credit { get; init; }
    public required string Licence { get; init; }

    /// <summary>Where it was, in the resident's own words; shown with the entry.</summary>
    public string? Place { get; init; }

    /// <summary>An address a curator may write to about the entry. Private: never shown or published.</summary>
    public string? ContactEmail { get; init; }

    /// <summary>Set when the resident asked for a receipt: which of their two emails have gone. Null: none is ever sent.</summary>
    public ResidentMailRecord? ResidentMail { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>
    /// The volunteer who helped the resident send it (volunteer mode on the form), by their configured
    /// name; null when the resident sent it alone. For curators and the audit log: never published.
    /// </summary>
    public string? HelpedBy { get; init; }

    /// <summary>For a post taken from another service: where and when it was posted. Null for the form.</summary>
    public SourcePost? SourcePost { get; init; }

    /// <summary>What was sent, as <see cref="SubmissionFingerprints"/> digests it: tells a retry from a reused key. Private.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>
    /// When the person sent it: the time of their post for one taken from elsewhere (we may read it
    /// minutes after), else when it reached us.
    /// </summary>
    public DateTimeOffset SentAt => SourcePost?.PostedAt ?? ReceivedAt;

    /// <summary>
    /// The time on the day the resident gave ("When was this?"), or a curator set; null when none
    /// was given. Stands in for a capture time the photo does not have, and for a written post.
    /// </summary>
    public DateTimeOffset? GivenMomentAt { get; init; }

    /// <summary>When the moment happened: the first photo's capture time, else the time the resident gave, else when it was sent.</summary>
    public DateTimeOffset MomentAt => Moment(Photos.Select(p => p.Facts), GivenMomentAt, SentAt);

    /// <summary>The first photo's capture time, which the camera knew, wins over the time a person remembered.</summary>
    public static DateTimeOffset Moment(IEnumerable<PhotoFacts?> photos, DateTimeOffset? givenAt, DateTimeOffset sentAt) =>
        CaptureTime(photos) ?? givenAt ?? sentAt;

    /// <summary>The first capture time the photos know, if any.</summary>
    public static DateTimeOffset? CaptureTime(IEnumerable<PhotoFacts?> photos) =>
        photos.Select(p => p?.CapturedAt).FirstOrDefault(t => t is not null);

    /// <summary>The resident's text; when they wrote none, the caption the photographer put in the photo.</summary>
    public static string TextOrPhotoDescription(string text, IEnumerable<PhotoFacts?> photos) =>
        text.Length > 0 ? text : photos.Select(p => p?.Description).FirstOrDefault(d => d is not null) ?? "";

    /// <summary>Tags made by <see cref="EntryTagger"/> when the entry was prepared, or as a curator corrected them.</summary>
    public IReadOnlyList<EntryTag> Tags { get; init; } = [];

    /// <summary>What a curator should look at before deciding (private: never published).</summary>
    public IReadOnlyList<EntryFlag> Flags { get; init; } = [];

    /// <summary>
    /// Flags raised while the entry was taken in, before any photo was prepared (a photo of a post
    /// that was refused, a content warning): kept apart so preparing the entry adds to them, never loses them.
    /// </summary>
    public IReadOnlyList<EntryFlag> IntakeFlags { get; init; } = [];

    /// <summary>Chosen by a curator to stand out on the timeline.</summary>
    public bool Featured { get; init; }

    /// <summary>Why the entry was not published, in words for the person who sent it.</summary>
    public string? Reason { get; init; }
    public CuratorDecisionRecord? Decision { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>When <see cref="EntryErasure"/> finished: null while a take-down or removal is still being carried out.</summary>
    public DateTimeOffset? ErasedAt { get; init; }
}

/// <summary>
/// The two emails a resident who asked for a receipt gets, and when each went: the receipt, and one
/// note when the entry is published or not. Marked once sent, so a retried step does not send again.
/// </summary>
public sealed record ResidentMailRecord(DateTimeOffset? ReceiptSentAt = null, DateTimeOffset? OutcomeSentAt = null);

/// <summary>A photo of an entry: what the resident said of it and what the workflow made of it.</summary>
public sealed record EntryPhoto
{
    public required int Index { get; init; }
    public required string Alt { get; init; }
    public required string ContentType { get; init; }
    public PhotoFacts? Facts { get; init; }
    public IReadOnlyList<Rendition> Renditions { get; init; } = [];
}

/// <summary>Who decided on an entry, when and why; kept with the entry for the audit trail.</summary>
public sealed record CuratorDecisionRecord(string Curator, DateTimeOffset DecidedAt, bool Approved, string? Reason)
{
    public static CuratorDecisionRecord From(CuratorDecisionEvent decision) =>
        new(decision.Curator, decision.DecidedAt, decision.Action == CurationAction.Approve, decision.Reason);
}
