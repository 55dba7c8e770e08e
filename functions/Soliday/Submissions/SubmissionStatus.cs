using Soliday.Timeline;

namespace Soliday.Submissions;

/// <summary>The JSON a resident's app gets for <c>GET /api/submissions/{id}</c>: public facts only.</summary>
public sealed record SubmissionStatus(
    string Id,
    string Status,
    string Text,
    string Credit,
    string Licence,
    DateTimeOffset ReceivedAt,
    DateTimeOffset MomentAt,
    IReadOnlyList<SubmissionStatusPhoto> Photos,
    string? Reason,
    DateTimeOffset? PublishedAt,
    string? SiteUrl)
{
    public static SubmissionStatus From(Entry entry, SiteOptions site) => new(
        entry.Id,
        entry.State.ToWire(),
        entry.Text,
        entry.Credit,
        entry.Licence,
        entry.ReceivedAt,
        entry.MomentAt,
        entry.Photos.Select(p => new SubmissionStatusPhoto(p.Alt, p.Facts?.Width, p.Facts?.Height)).ToList(),
        entry.Reason,
        entry.PublishedAt,
        entry.State == EntryState.Published ? new Uri(site.PublicRoot, SitePaths.EntryPage(entry.Id)).AbsoluteUri : null);
}

public sealed record SubmissionStatusPhoto(string Alt, int? Width, int? Height);

/// <summary>
/// The <c>202 Accepted</c> body of <c>POST /api/submissions</c>. The take-down link is for the
/// sender only: it is given once, here.
/// </summary>
public sealed record SubmissionAccepted(string Id, string Status, string StatusUrl, string TakedownUrl);
