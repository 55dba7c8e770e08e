using Soliday.Imaging;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging;

public sealed class ContainerSnifferTests
{
    [Fact]
    public async Task An_animated_WebP_is_refused_and_a_still_one_is_not()
    {
        var still = Corpus.Read("other-formats", "DN__webp_Photo_1_.webp");
        var animated = AnimatedWebPHeader();
        var gate = TestOptions.Gate();

        Assert.False(ContainerSniffer.IsAnimatedWebP(still));
        Assert.True(ContainerSniffer.IsAnimatedWebP(animated));
        Assert.Equal("animated", (await gate.CheckAsync(BinaryData.FromBytes(animated), default)).Refusal?.Code);
        Assert.True((await gate.CheckAsync(BinaryData.FromBytes(still), default)).Accepted);
    }

    [Fact]
    public void EXIF_in_a_WebP_is_found_and_the_JPEG_style_prefix_dropped()
    {
        var exif = ContainerSniffer.WebPExif(Corpus.Read("other-formats", "PI__hopper_orientation_6.webp"));

        Assert.Equal("II*"u8.ToArray(), exif![..3]);
    }

    /// <summary>The start of an animated WebP (RIFF, VP8X with the animation flag, ANIM): all the sniffer reads.</summary>
    private static byte[] AnimatedWebPHeader() =>
    [
        .. "RIFF"u8, 30, 0, 0, 0, .. "WEBP"u8,
        .. "VP8X"u8, 10, 0, 0, 0, 0x02, 0, 0, 0, 9, 0, 0, 9, 0, 0,
        .. "ANIM"u8, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
