namespace Soliday.Imaging;

/// <summary>Chooses the widths to make of a photo: the configured ones it can fill, never an upscale.</summary>
public static class RenditionPlanner
{
    public static IReadOnlyList<int> Widths(int photoWidth, IEnumerable<int> configuredWidths)
    {
        var widths = configuredWidths.Where(w => w > 0 && w <= photoWidth).Distinct().OrderDescending().ToList();

        // A photo narrower than the smallest configured width is still shown, at its own size.
        return widths.Count > 0 ? widths : [photoWidth];
    }
}
