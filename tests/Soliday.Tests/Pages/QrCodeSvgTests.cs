using System.Text.RegularExpressions;
using System.Xml.Linq;
using QRCoder;
using Soliday.Pages;

namespace Soliday.Tests.Pages;

/// <summary>The QR code to the form, as the wall and the poster carry it.</summary>
public sealed partial class QrCodeSvgTests
{
    private const string Form = "https://soliday.example/api/submit";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData(Form)]
    [InlineData("http://127.0.0.1:7071/api/submit")]
    [InlineData("https://solihull-social-council.example.org/soliday/api/submit?from=poster")]
    public void For_an_address_is_a_valid_svg_drawing_exactly_QRCoder_s_modules_for_it(string address)
    {
        using var expected = new QRCodeGenerator().CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var across = expected.ModuleMatrix.Count;

        var svg = XElement.Parse(QrCodeSvg.For(address, "QR code for the form")); // throws unless well-formed XML

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal($"0 0 {across} {across}", (string?)svg.Attribute("viewBox"));
        Assert.Equal(across, QrCodeSvg.ModulesAcross(address));
        var drawn = DarkModules(svg, across);
        for (var row = 0; row < across; row++)
        {
            for (var column = 0; column < across; column++)
            {
                Assert.True(expected.ModuleMatrix[row][column] == drawn[row, column], $"module ({column}, {row}) differs from QRCoder's");
            }
        }
    }

    [Fact]
    public void For_names_the_image_for_screen_readers_and_keeps_its_label_as_text()
    {
        const string label = "QR code for \"the form\" <at> soliday & co";

        var svg = XElement.Parse(QrCodeSvg.For(Form, label));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal(label, (string?)svg.Attribute("aria-label"));
        Assert.DoesNotContain(svg.DescendantsAndSelf(), e => e.Attribute("style") is not null); // the pages' CSP allows no inline style
    }

    [Fact]
    public void A_longer_address_makes_a_larger_code_so_the_count_is_not_fixed()
    {
        Assert.True(QrCodeSvg.ModulesAcross(Form + "?" + new string('a', 120)) > QrCodeSvg.ModulesAcross(Form));
    }

    /// <summary>Fills a grid from the path's one-module-high runs ("M4 4h7v1h-7z"), as a screen would paint them.</summary>
    private static bool[,] DarkModules(XElement svg, int across)
    {
        var grid = new bool[across, across];
        var paths = svg.Elements(Svg + "path").ToList();
        Assert.NotEmpty(paths);
        foreach (var path in paths)
        {
            Assert.Equal("#000000", (string?)path.Attribute("fill"));
            var runs = Run().Matches((string?)path.Attribute("d") ?? "");
            Assert.NotEmpty(runs);
            foreach (Match run in runs)
            {
                var (x, y, width) = (int.Parse(run.Groups["x"].Value), int.Parse(run.Groups["y"].Value), int.Parse(run.Groups["w"].Value));
                for (var column = x; column < x + width; column++)
                {
                    grid[y, column] = true;
                }
            }
        }

        return grid;
    }

    [GeneratedRegex(@"M(?<x>\d+) (?<y>\d+)h(?<w>\d+)v1h-\k<w>z")]
    private static partial Regex Run();
}
