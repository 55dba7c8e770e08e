using Soliday.Imaging;

namespace Soliday.Tests.Imaging;

public sealed class RenditionPlannerTests
{
    [Fact]
    public void A_large_photo_gets_every_width_and_the_thumbnail_largest_first()
    {
        Assert.Equal([1600, 960, 480, RenditionPlanner.ThumbnailWidth], RenditionPlanner.Widths(4000, [480, 960, 1600]));
    }

    [Fact]
    public void A_photo_is_never_upscaled()
    {
        Assert.Equal([960, 480, RenditionPlanner.ThumbnailWidth], RenditionPlanner.Widths(1200, [480, 960, 1600]));
    }

    [Fact]
    public void A_photo_between_the_thumbnail_and_every_width_is_shown_at_its_own_size_and_as_a_thumbnail()
    {
        Assert.Equal([400, RenditionPlanner.ThumbnailWidth], RenditionPlanner.Widths(400, [480, 960, 1600]));
    }

    [Fact]
    public void A_photo_no_wider_than_the_thumbnail_is_shown_at_its_own_size_alone()
    {
        Assert.Equal([100], RenditionPlanner.Widths(100, [480, 960, 1600]));
    }

    [Fact]
    public void A_configured_width_equal_to_the_thumbnail_is_made_once()
    {
        Assert.Equal([960, RenditionPlanner.ThumbnailWidth], RenditionPlanner.Widths(2000, [RenditionPlanner.ThumbnailWidth, 960]));
    }
}
