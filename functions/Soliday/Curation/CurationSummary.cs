using Soliday.Imaging;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>
/// What a curator needs to see of an entry at a glance. It is the orchestration's custom status
/// while the entry waits, so the queue is read from the durable engine without opening records.
/// </summary>
public sealed record CurationSummary
{
    public required string SubmissionId { get; init; }
    public required string Text { get; init; }
    public required string Credit { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset MomentAt { get; init; }
    public required int PhotoCount { get; init; }

    /// <summary>Things the curator should look at, as codes (e.g. <c>capture-time-future</c>); never a rejection by itself.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>Blob name of the smallest JPEG rendition of the first photo, if there is a photo.</summary>
    public string? Thumbnail { get; init; }

    /// <summary>Curators read at most this much of the text in the queue; the record keeps the rest.</summary>
    public const int MaxTextLength = 280;

    /// <summary>Built by the orchestrator from what its activities returned: no I/O, so it replays the same.</summary>
    public static CurationSummary For(string submissionId, BeginProcessingResult entry, IReadOnlyList<PreparePhotoResult> photos)
    {
        var facts = photos.OrderBy(p => p.PhotoIndex).Select(p => p.Facts).ToList();
        var text = Entry.TextOrPhotoDescription(entry.Text, facts);
        return new()
        {
            SubmissionId = submissionId,
            Text = text.Length > MaxTextLength ? text[..MaxTextLength] + "…" : text,
            Credit = entry.Credit,
            Source = entry.Source,
            ReceivedAt = entry.ReceivedAt,
            MomentAt = Entry.Moment(facts, entry.ReceivedAt),
            Flags = [.. facts.Select(f => f?.CaptureTimeIssue).OfType<CaptureTimeIssue>().Distinct()
                .Select(issue => $"capture-time-{issue.ToString().ToLowerInvariant()}")],
        PhotoCount = entry.PhotoCount,
            Thumbnail = photos.Where(p => p.PhotoIndex == 0).SelectMany(p => p.Renditions)
                .Where(r => r.Format == ImageFormats.Jpeg)
                .MinBy(r => r.Width)?.BlobName,
        };
    }
}
