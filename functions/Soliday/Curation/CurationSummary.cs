using Soliday.Entries;
using Soliday.Submissions;

namespace Soliday.Curation;

/// <summary>
/// What a curator needs to see of an entry at a glance. It is the orchestration's custom status,
/// so the curation page is read from the durable engine without opening every record.
/// </summary>
public sealed record CurationSummary
{
    /// <summary>Curators read at most this much of the text in the queue; the record keeps the rest.</summary>
    public const int MaxTextLength = 280;

    public required string SubmissionId { get; init; }
    public required string Text { get; init; }
    public required string Credit { get; init; }
    public required string Source { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required DateTimeOffset MomentAt { get; init; }

    /// <summary>The time the resident gave ("When was this?"), or a curator set; null when none.</summary>
    public DateTimeOffset? GivenMomentAt { get; init; }

    public required int PhotoCount { get; init; }

    /// <summary>Blob name of the smallest JPEG rendition of the first photo, if there is a photo.</summary>
    public string? Thumbnail { get; init; }

    /// <summary>The first photo's description, for the thumbnail.</summary>
    public string? ThumbnailAlt { get; init; }

    /// <summary>Blob name of the largest JPEG rendition of the first photo: what a curator opens to look closely.</summary>
    public string? LargePhoto { get; init; }

    /// <summary>Every photo's description as the resident wrote it (or as a curator mended it), in order.</summary>
    public IReadOnlyList<string> Alts { get; init; } = [];

    /// <summary>The address the resident gave, for curators' eyes only: never on a public page, never logged.</summary>
    public string? ContactEmail { get; init; }

    public string? Place { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<EntryFlag> Flags { get; init; } = [];
    public bool Featured { get; init; }

    /// <summary>The post it was taken from, for one from another service.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The volunteer who helped the resident send it, for curators' eyes only.</summary>
    public string? HelpedBy { get; init; }

    public static CurationSummary From(Entry entry) => new()
    {
        SubmissionId = entry.Id,
        Text = entry.Text.Length > MaxTextLength ? entry.Text[..MaxTextLength] + "…" : entry.Text,
        Credit = entry.Credit,
        Source = entry.Source,
        ReceivedAt = entry.ReceivedAt,
        MomentAt = entry.MomentAt,
        GivenMomentAt = entry.GivenMomentAt,
        PhotoCount = entry.Photos.Count,
        Thumbnail = entry.Photos.FirstOrDefault()?.Renditions.Where(r => r.Format == ImageFormats.Jpeg).MinBy(r => r.Width)?.BlobName,
        ThumbnailAlt = entry.Photos.FirstOrDefault()?.Alt,
        LargePhoto = entry.Photos.FirstOrDefault()?.Renditions.Where(r => r.Format == ImageFormats.Jpeg).MaxBy(r => r.Width)?.BlobName,
        Alts = [.. entry.Photos.Select(p => p.Alt)],
        ContactEmail = entry.ContactEmail,
        Place = entry.Place,
        Tags = [.. entry.Tags.Select(t => t.ToString())],
        Flags = entry.Flags,
        Featured = entry.Featured,
        SourceUrl = entry.SourcePost?.Url,
        HelpedBy = entry.HelpedBy,
    };

    /// <summary>Flagged when a change to a published entry did not reach the site: the site shows it as it was.</summary>
    public CurationSummary NotRepublished() => Flags.Any(f => f.Code == FlagCodes.NotRepublished)
        ? this
        : this with { Flags = [.. Flags, new EntryFlag(FlagCodes.NotRepublished, "The last change could not be published: the site still shows the entry as it was. Save it again to retry.")] };

    /// <summary>Listed as overdue once no curator has reached it within the reminder time.</summary>
    public CurationSummary Overdue() => Flags.Any(f => f.Code == FlagCodes.Overdue)
        ? this
        : this with { Flags = [.. Flags, new EntryFlag(FlagCodes.Overdue, "Waiting for a curator for longer than it should.")] };
}
