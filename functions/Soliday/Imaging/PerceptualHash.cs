using System.Numerics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Soliday.Imaging;

/// <summary>
/// A 64-bit difference hash (dHash): the picture shrunk to 9 × 8 grey pixels, one bit per pair of
/// neighbours saying which is brighter. Re-saved, resized or lightly edited copies of a photo keep
/// almost the same bits; different photos differ in about half of them.
/// </summary>
public static class PerceptualHash
{
    /// <summary>
    /// At most this many differing bits counts as a near duplicate. Measured on the test corpus:
    /// copies saved again at half the size and JPEG quality 40 differ by 0 to 3 bits; different
    /// photos by 15 or more (23 or more leaving out a 1 × 1 pixel image). 10 sits between with room
    /// on both sides (PerceptualHashTests holds both ends).
    /// </summary>
    public const int NearDuplicateDistance = 10;

    public static string Compute<TPixel>(Image<TPixel> image)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var small = image.CloneAs<L8>();
        small.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(9, 8), Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Box }));

        ulong bits = 0;
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                bits = (bits << 1) | (small[x, y].PackedValue > small[x + 1, y].PackedValue ? 1UL : 0UL);
            }
        }

        return bits.ToString("x16");
    }

    public static int Distance(string a, string b) =>
        BitOperations.PopCount(Convert.ToUInt64(a, 16) ^ Convert.ToUInt64(b, 16));

    public static bool AreNearDuplicates(string a, string b) => Distance(a, b) <= NearDuplicateDistance;
}
