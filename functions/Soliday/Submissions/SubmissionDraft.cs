using Soliday.Curation;
using Soliday.Entries;

namespace Soliday.Submissions;

/// <summary>A submission that passed every check and is ready to be stored.</summary>
/// <param name="SourcePost">Set for a post taken from another service; null for the form.</param>
/// <param name="IntakeFlags">What a curator should know from the intake itself (a photo of the post that was not taken, say).</param>
/// <param name="WantsReceipt">The resident ticked "Email me a receipt" and gave an address.</param>
/// <param name="GivenMomentAt">The answer to "When was this?", on the day; null when none was given.</param>
/// <param name="HelpedBy">The volunteer who helped the resident send it (see <see cref="HelperSessions"/>); null when none did.</param>
public sealed record SubmissionDraft(
    string Text,
    IReadOnlyList<DraftPhoto> Photos,
    string Credit,
    Licence Licence,
    string Source,
    string? Place = null,
    string? ContactEmail = null,
    SourcePost? SourcePost = null,
    IReadOnlyList<EntryFlag>? IntakeFlags = null,
    bool WantsReceipt = false,
    DateTimeOffset? GivenMomentAt = null,
    string? HelpedBy = null);

/// <summary>A photo of a draft: its bytes, its alt text and the content type found by reading it.</summary>
public sealed record DraftPhoto(BinaryData Content, string ContentType, string Alt);
