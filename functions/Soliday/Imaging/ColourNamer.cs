using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Soliday.Imaging;

/// <summary>
/// Names the main colour of a picture in everyday words, for a tag people can search by: every
/// pixel of a small rendition is put in one of a dozen named bins by hue, saturation and
/// brightness, and the fullest bin names the picture.
/// </summary>
public static class ColourNamer
{
    public static string DominantColour<TPixel>(Image<TPixel> image)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        var bins = new Dictionary<string, int>();
        image.ProcessPixelRows(rows =>
        {
            Rgba32 pixel = default;
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var value in rows.GetRowSpan(y))
                {
                    value.ToRgba32(ref pixel);
                    var name = Name(pixel.R / 255.0, pixel.G / 255.0, pixel.B / 255.0);
                    bins[name] = bins.GetValueOrDefault(name) + 1;
                }
            }
        });

        return bins.MaxBy(b => b.Value).Key;
    }

    /// <summary>The named bin of one colour (components 0 to 1).</summary>
    public static string Name(double r, double g, double b)
    {
        var max = Math.Max(r, Math.Max(g, b));
        var min = Math.Min(r, Math.Min(g, b));
        var value = max;
        var saturation = max == 0 ? 0 : (max - min) / max;
        if (value < 0.2)
        {
            return "black";
        }

        if (saturation < 0.15)
        {
            return value > 0.85 ? "white" : "grey";
        }

        var hue = Hue(r, g, b, max, min);
        return hue switch
        {
            < 15 or >= 345 => value < 0.5 ? "brown" : "red",
            < 45 => value < 0.6 ? "brown" : "orange",
            < 70 => "yellow",
            < 170 => "green",
            < 260 => "blue",
            < 300 => "purple",
            _ => "pink",
        };
    }

    private static double Hue(double r, double g, double b, double max, double min)
    {
        var delta = max - min;
        var hue = max == r ? 60 * (((g - b) / delta) % 6)
            : max == g ? 60 * (((b - r) / delta) + 2)
            : 60 * (((r - g) / delta) + 4);
        return hue < 0 ? hue + 360 : hue;
    }
}
