using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Soliday.Imaging;

namespace Soliday.Tests.Imaging;

public sealed class ColourNamerTests
{
    [Theory]
    [InlineData(0.1, 0.6, 0.2, "green")]
    [InlineData(0.1, 0.3, 0.8, "blue")]
    [InlineData(0.9, 0.1, 0.1, "red")]
    [InlineData(0.4, 0.2, 0.1, "brown")]
    [InlineData(0.95, 0.95, 0.95, "white")]
    [InlineData(0.5, 0.5, 0.52, "grey")]
    [InlineData(0.05, 0.05, 0.05, "black")]
    [InlineData(0.95, 0.85, 0.2, "yellow")]
    public void Colours_get_their_everyday_names(double r, double g, double b, string name)
    {
        Assert.Equal(name, ColourNamer.Name(r, g, b));
    }

    [Fact]
    public void The_colour_covering_most_of_a_picture_names_it()
    {
        using var image = new Image<Rgb24>(10, 10, new Rgb24(30, 140, 40));
        image[0, 0] = new Rgb24(250, 250, 250);

        Assert.Equal("green", ColourNamer.DominantColour(image));
    }
}
