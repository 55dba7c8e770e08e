using Microsoft.Azure.Functions.Worker;
using Soliday.Imaging;

namespace Soliday.Functions.Imaging;

public sealed class ImagingFunctions(PhotoPreparation preparation)
{
    [Function(nameof(PhotoPreparation.PreparePhoto))]
    public Task<PreparePhotoResult> PreparePhoto([ActivityTrigger] PreparePhotoRequest request) =>
        preparation.PreparePhoto(request);
}
