namespace Soliday.Submissions;

/// <summary>A submission that passed every check and is ready to be stored.</summary>
public sealed record SubmissionDraft(
    string Text,
    IReadOnlyList<DraftPhoto> Photos,
    string Credit,
    Licence Licence,
    string Source,
    string? Place = null,
    string? ContactEmail = null);

/// <summary>A photo of a draft: its bytes, its alt text and the content type found by reading it.</summary>
public sealed record DraftPhoto(BinaryData Content, string ContentType, string Alt);
