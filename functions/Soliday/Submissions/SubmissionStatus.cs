using Soliday.Entries;
using Soliday.Timeline;

namespace Soliday.Submissions;

/// <summary>
/// The JSON for <c>GET /api/submissions/{id}</c>. Entry ids are public (every published entry's page
/// shows one), so an entry that is not published shows its state only, unless asked with its
/// take-down key: then its sender sees what they sent, and the reason it was not published. A
/// published entry shows what the timeline shows anyway.
/// </summary>
public sealed record SubmissionStatus(
    string Id,
    string Status,
    DateTimeOffset ReceivedAt,
    string? Text = null,
    string? Credit = null,
    string? Licence = null,
    DateTimeOffset? MomentAt = null,
    IReadOnlyList<SubmissionStatusPhoto>? Photos = null,
    string? Reason = null,
    DateTimeOffset? PublishedAt = null,
    string? SiteUrl = null,
    string? Erasure = null)
{
    /// <summary><see cref="Erasure"/> of a withdrawn or removed entry while it is still being carried out.</summary>
    public const string ErasurePending = "pending";

    /// <summary><see cref="Erasure"/> once nothing of the entry is left.</summary>
    public const string ErasureComplete = "complete";

    /// <param name="forSender">Asked with the entry's take-down key.</param>
    public static SubmissionStatus From(Entry entry, SiteOptions site, bool forSender)
    {
        var state = new SubmissionStatus(entry.Id, entry.State.ToWire(), entry.ReceivedAt);
        if (entry.State.IsErased())
        {
            // Nothing of it is shown, even while the erasure is under way and the record still holds it.
            return state with
            {
                Reason = forSender ? entry.Reason : null,
                Erasure = EntryErasure.IsFinished(entry) ? ErasureComplete : ErasurePending,
            };
        }

        if (entry.State == EntryState.Published)
        {
            return state with
            {
                Text = entry.Text,
                Credit = entry.Credit,
                Licence = entry.Licence,
                MomentAt = entry.MomentAt,
                Photos = PhotosOf(entry),
                PublishedAt = entry.PublishedAt,
                SiteUrl = new Uri(site.PublicRoot, SitePaths.EntryPage(entry.Id)).AbsoluteUri,
            };
        }

        return forSender
            ? state with { Text = entry.Text, Credit = entry.Credit, Licence = entry.Licence, MomentAt = entry.MomentAt, Photos = PhotosOf(entry), Reason = entry.Reason }
            : state;
    }

    private static List<SubmissionStatusPhoto> PhotosOf(Entry entry) =>
        [.. entry.Photos.Select(p => new SubmissionStatusPhoto(p.Alt, p.Facts?.Width, p.Facts?.Height))];
}

public sealed record SubmissionStatusPhoto(string Alt, int? Width, int? Height);

/// <summary>
/// The <c>202 Accepted</c> body of <c>POST /api/submissions</c>. The take-down link is for the
/// sender only: it is given once, here.
/// </summary>
public sealed record SubmissionAccepted(string Id, string Status, string StatusUrl, string TakedownUrl);
