using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;

namespace Soliday.Imaging;

/// <summary>Turns a photo that passed the gate into the facts the workflow keeps about it.</summary>
public sealed class PhotoInspector(IOptions<SolidayOptions> soliday, TimeProvider clock)
{
    public PhotoFacts Inspect(BinaryData photo, PhotoCheck check)
    {
        var info = check.Info ?? throw new ArgumentException("Only an accepted photo can be inspected.", nameof(check));
        var exif = info.Metadata.ExifProfile;
        var orientation = ReadOrientation(exif);
        var turned = orientation >= 5; // orientations 5 to 8 swap width and height

        return new PhotoFacts
        {
            Format = check.Format!,
            Width = turned ? info.Height : info.Width,
            Height = turned ? info.Width : info.Height,
            Orientation = orientation,
            CapturedAt = CaptureTimeReader.Read(exif, soliday.Value.Zone, clock.GetUtcNow()),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(photo.ToMemory().Span)),
        };
    }

    private static int ReadOrientation(ExifProfile? exif)
    {
        var value = exif?.GetValue(ExifTag.Orientation)?.Value ?? 1;
        return value is >= 1 and <= 8 ? value : 1;
    }
}
