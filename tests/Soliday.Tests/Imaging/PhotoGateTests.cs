using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using Soliday.Imaging;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging;

public sealed class PhotoGateTests
{
    private readonly PhotoGate _gate = new(TestOptions.Imaging());

    public static IEnumerable<object[]> RealPhotos => Corpus.Files("real-exif");

    public static IEnumerable<object[]> MalformedFiles => Corpus.Files("malformed");

    [Theory]
    [MemberData(nameof(RealPhotos))]
    public void Every_real_photo_is_accepted(string file)
    {
        var check = _gate.Check(BinaryData.FromBytes(Corpus.Read("real-exif", file)));

        Assert.True(check.Accepted, check.Refusal?.Message);
        Assert.Equal("jpeg", check.Format);
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public void A_malformed_file_is_refused_with_a_reason_or_accepted_never_thrown(string file)
    {
        var check = _gate.Check(BinaryData.FromBytes(Corpus.Read("malformed", file)));

        if (!check.Accepted)
        {
            Assert.Contains(check.Refusal!.StatusCode, new[] { 413, 415 });
            Assert.False(string.IsNullOrWhiteSpace(check.Refusal.Message));
        }
    }

    [Theory]
    [InlineData("SYN__png_bomb_20000x20000_valid.png")]
    [InlineData("SYN__jpeg_sof_30000x30000_from_Canon40D.jpg")]
    [InlineData("SYN__jpeg_sof_65500x65500_from_Canon40D.jpg")]
    [InlineData("SYN__png_header_65535x65535_truncated.png")]
    public void A_decompression_bomb_is_refused_from_its_header(string file)
    {
        var check = _gate.Check(BinaryData.FromBytes(Corpus.Read("malformed", file)));

        Assert.False(check.Accepted);
        Assert.Equal(413, check.Refusal!.StatusCode);
    }

    [Fact]
    public void A_HEIF_photo_is_refused_with_advice_for_iPhone_users()
    {
        var check = _gate.Check(BinaryData.FromBytes(Corpus.Read("other-formats", "EX__heic_samplefilehub.heif")));

        Assert.Equal(415, check.Refusal!.StatusCode);
        Assert.Contains("Most Compatible", check.Refusal.Message);
    }

    [Fact]
    public void A_TIFF_is_refused_with_415_and_the_formats_we_take()
    {
        var tiff = CraftedImages.Tiff();
        Assert.IsType<TiffFormat>(Image.DetectFormat(Configuration.Default, tiff)); // a real TIFF, which ImageSharp could decode

        var check = _gate.Check(BinaryData.FromBytes(tiff));

        Assert.Equal(415, check.Refusal!.StatusCode);
        Assert.Equal("unsupported-format", check.Refusal.Code);
        Assert.Contains("JPEG, PNG, WebP or GIF", check.Refusal.Message);
    }

    [Fact]
    public void An_SVG_drawing_is_refused_with_415()
    {
        var check = _gate.Check(BinaryData.FromBytes(CraftedImages.Svg()));

        Assert.Equal(415, check.Refusal!.StatusCode);
        Assert.Equal("unsupported-format", check.Refusal.Code);
    }

    [Fact]
    public void A_text_file_is_not_an_image_we_take()
    {
        var check = _gate.Check(BinaryData.FromString("this is not a photo"));

        Assert.Equal(415, check.Refusal!.StatusCode);
    }

    [Fact]
    public void A_photo_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var gate = new PhotoGate(TestOptions.Imaging(o => o.MaxUploadBytes = 1000));

        var check = gate.Check(BinaryData.FromBytes(Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg")));

        Assert.Equal("too-large", check.Refusal!.Code);
    }
}
