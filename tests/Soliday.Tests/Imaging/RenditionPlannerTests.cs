using Soliday.Imaging;

namespace Soliday.Tests.Imaging;

public sealed class RenditionPlannerTests
{
    [Fact]
    public void A_large_photo_gets_every_width_largest_first()
    {
        Assert.Equal([1600, 960, 480], RenditionPlanner.Widths(4000, [480, 960, 1600]));
    }

    [Fact]
    public void A_photo_is_never_upscaled()
    {
        Assert.Equal([960, 480], RenditionPlanner.Widths(1200, [480, 960, 1600]));
    }

    [Fact]
    public void A_photo_smaller_than_every_width_is_shown_at_its_own_size()
    {
        Assert.Equal([100], RenditionPlanner.Widths(100, [480, 960, 1600]));
    }
}
