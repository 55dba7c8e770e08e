using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Telemetry;

namespace Soliday.Workflow;

public sealed record PreparePhotoRequest(string SubmissionId, int PhotoIndex);

/// <summary>The facts and renditions of one photo, or why it could not be prepared; neither when its entry was taken down.</summary>
public sealed record PreparePhotoResult(int PhotoIndex, PhotoFacts? Facts, IReadOnlyList<Rendition> Renditions, PhotoRefusal? Refusal)
{
    public static PreparePhotoResult From(PreparedPhoto photo) => new(photo.PhotoIndex, photo.Facts, photo.Renditions, photo.Refusal);

    public PreparedPhoto ToPreparedPhoto() => new(PhotoIndex, Facts, Renditions, Refusal);
}

/// <summary>The workflow's photo step, one per photo, run in parallel (<see cref="PhotoPreparation"/>).</summary>
public sealed class ImagingActivities(PhotoPreparation preparation, ILogger<ImagingActivities> logger)
{
    public async Task<PreparePhotoResult> PreparePhoto(PreparePhotoRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(PreparePhoto), request.SubmissionId);
        return PreparePhotoResult.From(await preparation.PrepareAsync(request.SubmissionId, request.PhotoIndex));
    }
}
