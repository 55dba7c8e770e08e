namespace Soliday.Submissions;

/// <summary>
/// Submission ids: a version 7 GUID as 32 hex digits. Time-ordered, so blobs list in arrival order,
/// with 74 random bits, so a status page cannot be found by guessing.
/// </summary>
public static class SubmissionId
{
    public static string New() => Guid.CreateVersion7().ToString("N");

    public static bool IsValid(string? id) =>
        id is { Length: 32 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
