namespace Soliday.Imaging;

/// <summary>Chooses the widths to make of a photo: the configured ones it can fill, and a thumbnail; never an upscale.</summary>
public static class RenditionPlanner
{
    /// <summary>
    /// The thumbnail the day page's and hour pages' grids show: three tiles across a phone at
    /// twice its pixel density, six across a laptop, at about 15 KB each. Not a setting: the
    /// grids' weight is measured against it (docs/benchmarks.md).
    /// </summary>
    public const int ThumbnailWidth = 320;

    public static IReadOnlyList<int> Widths(int photoWidth, IEnumerable<int> configuredWidths)
    {
        var widths = configuredWidths.Where(w => w > 0 && w <= photoWidth).Distinct().OrderDescending().ToList();

        // A photo narrower than the smallest configured width is still shown, at its own size.
        if (widths.Count == 0)
        {
            widths.Add(photoWidth);
        }

        // The thumbnail comes with the others, smallest and last, when the photo is wider than it.
        if (ThumbnailWidth < widths[^1])
        {
            widths.Add(ThumbnailWidth);
        }

        return widths;
    }
}
