using SixLabors.ImageSharp;
using Soliday.Imaging;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging;

public sealed class RenditionTests
{
    [Theory]
    [InlineData("EX__jpg_orientation_landscape_6.jpg")]
    [InlineData("EX__jpg_orientation_landscape_8.jpg")]
    [InlineData("EX__jpg_orientation_landscape_5.jpg")]
    public void A_landscape_stored_sideways_comes_out_landscape(string file)
    {
        var rendered = Render(file);

        Assert.All(rendered, r => Assert.True(r.Width > r.Height, $"{r.Format} {r.Width}x{r.Height} should be landscape"));
    }

    [Fact]
    public void A_portrait_with_orientation_6_stays_portrait()
    {
        var rendered = Render("RO__Portrait_6.jpg");

        Assert.All(rendered, r => Assert.True(r.Height > r.Width, $"{r.Format} {r.Width}x{r.Height} should be portrait"));
    }

    [Theory]
    [InlineData("EX__jpg_gps_DSCN0042.jpg")]
    [InlineData("DN__jpg_Apple_iPhone_4.jpg")]
    public void No_rendition_carries_EXIF_or_GPS(string file)
    {
        foreach (var rendition in Render(file))
        {
            var info = Image.Identify(rendition.Content.ToArray());
            Assert.Null(info.Metadata.ExifProfile);
            Assert.Null(info.Metadata.XmpProfile);
            Assert.Null(info.Metadata.IptcProfile);
        }
    }

    [Fact]
    public void Each_width_comes_as_JPEG_and_WebP_and_none_is_upscaled()
    {
        var rendered = Render("RO__Portrait_6.jpg"); // 1200 wide once turned upright

        Assert.Equal(["jpeg-960", "webp-960", "jpeg-480", "webp-480"], rendered.Select(r => $"{r.Format}-{r.Width}"));
        Assert.All(rendered, r => Assert.True(Image.DetectFormat(r.Content.ToArray()).Name is "JPEG" or "Webp"));
    }

    private static IReadOnlyList<RenderedImage> Render(string file)
    {
        var photo = BinaryData.FromBytes(Corpus.Read("real-exif", file));
        var check = new PhotoGate(TestOptions.Imaging()).Check(photo);
        var facts = new PhotoInspector(TestOptions.Soliday(), TimeProvider.System).Inspect(photo, check);
        return RenditionRenderer.Render(photo, RenditionPlanner.Widths(facts.Width, [480, 960, 1600]));
    }
}
