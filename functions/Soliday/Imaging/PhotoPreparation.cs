using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Storage;

namespace Soliday.Imaging;

public sealed record PreparePhotoRequest(string SubmissionId, int PhotoIndex);

/// <summary>The facts and renditions of one photo, or why it could not be prepared.</summary>
public sealed record PreparePhotoResult(int PhotoIndex, PhotoFacts? Facts, IReadOnlyList<Rendition> Renditions, PhotoRefusal? Refusal);

/// <summary>The <c>PreparePhoto</c> activity: inspects one original and stores its renditions.</summary>
public sealed class PhotoPreparation(
    BlobServiceClient blobs,
    PhotoGate gate,
    PhotoInspector inspector,
    IOptions<ImagingOptions> imaging,
    ILogger<PhotoPreparation> logger)
{
    public async Task<PreparePhotoResult> PreparePhoto(PreparePhotoRequest request)
    {
        var (id, index) = (request.SubmissionId, request.PhotoIndex);
        var original = await blobs.GetBlobContainerClient(StorageLayout.Uploads)
            .GetBlobClient(StorageLayout.Original(id, index))
            .DownloadContentAsync();
        var photo = original.Value.Content;

        // Checked again here, not only at the form: queued sources reach the workflow without a form.
        var check = gate.Check(photo);
        if (check.Refusal is not null)
        {
            return new(index, null, [], check.Refusal);
        }

        var facts = inspector.Inspect(photo, check);
        IReadOnlyList<RenderedImage> rendered;
        try
        {
            rendered = RenditionRenderer.Render(photo, RenditionPlanner.Widths(facts.Width, imaging.Value.RenditionWidths));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A header can be sound and the image data broken; ImageSharp 2.1 then throws any type.
            logger.LogWarning(e, "Photo {PhotoIndex} of submission {SubmissionId} could not be decoded", index, id);
            return new(index, facts, [], PhotoRefusal.Unreadable());
        }

        var renditions = blobs.GetBlobContainerClient(StorageLayout.Renditions);
        var stored = new List<Rendition>(rendered.Count);
        foreach (var image in rendered)
        {
            var rendition = new Rendition(StorageLayout.Rendition(id, index, image.Width, image.Format), image.Format, image.Width, image.Height, image.Content.ToMemory().Length);
            await renditions.GetBlobClient(rendition.BlobName).CreateOnceAsync(image.Content, BlobWrites.Headers(rendition.ContentType));
            stored.Add(rendition);
        }

        logger.LogInformation("Photo {PhotoIndex} of submission {SubmissionId}: {Count} renditions", index, id, stored.Count);
        return new(index, facts, stored, null);
    }
}
