using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>
/// A JPEG no other test sends: random pixels, so neither its SHA-256 nor its perceptual hash
/// matches another photo's, and a duplicate flag on it can only point at the entry a test chose.
/// </summary>
public static class UniquePhoto
{
    public static byte[] Jpeg(int width = 640, int height = 480)
    {
        using var image = new Image<Rgb24>(width, height);
        var pixels = new byte[width * height * 3];
        Random.Shared.NextBytes(pixels);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < width; x++)
                {
                    var i = ((y * width) + x) * 3;
                    row[x] = new Rgb24(pixels[i], pixels[i + 1], pixels[i + 2]);
                }
            }
        });
        using var jpeg = new MemoryStream();
        image.SaveAsJpeg(jpeg);
        return jpeg.ToArray();
    }
}
