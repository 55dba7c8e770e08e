using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Tiff;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Testing;
using Soliday.Tests.Support;
using Soliday.Words;

namespace Soliday.Tests.Imaging;

public sealed class PhotoGateTests
{
    private readonly PhotoGate _gate = TestOptions.Gate();

    public static IEnumerable<object[]> RealPhotos => Corpus.Files("real-exif");

    public static IEnumerable<object[]> MalformedFiles => Corpus.Files("malformed");

    [Theory]
    [MemberData(nameof(RealPhotos))]
    public async Task Every_real_photo_is_accepted(string file)
    {
        var check = await _gate.CheckAsync(BinaryData.FromBytes(Corpus.Read("real-exif", file)), default);

        Assert.True(check.Accepted, check.Refusal?.Message);
        Assert.Equal("jpeg", check.Format);
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_a_reason_or_accepted_never_thrown(string file)
    {
        var check = await _gate.CheckAsync(BinaryData.FromBytes(Corpus.Read("malformed", file)), default);

        if (!check.Accepted)
        {
            Assert.Contains(check.Refusal!.StatusCode, new[] { 413, 415, 422 });
            Assert.False(string.IsNullOrWhiteSpace(check.Refusal.Message));
        }
    }

    [Theory]
    [InlineData("SYN__png_bomb_20000x20000_valid.png")]
    [InlineData("SYN__jpeg_sof_30000x30000_from_Canon40D.jpg")]
    [InlineData("SYN__jpeg_sof_65500x65500_from_Canon40D.jpg")]
    [InlineData("SYN__png_header_65535x65535_truncated.png")]
    public async Task A_decompression_bomb_is_refused_from_its_header(string file)
    {
        var check = await _gate.CheckAsync(BinaryData.FromBytes(Corpus.Read("malformed", file)), default);

        Assert.False(check.Accepted);
        Assert.Equal(413, check.Refusal!.StatusCode);
    }

    [Fact]
    public async Task A_HEIF_photo_from_an_iPhone_is_accepted_with_its_size_read_from_its_boxes()
    {
        var check = await _gate.CheckAsync(BinaryData.FromBytes(Corpus.Read("other-formats", "EX__heic_samplefilehub.heif")), default);

        Assert.True(check.Accepted, check.Refusal?.Code);
        Assert.Equal((ImageFormats.Heic, 640, 426), (check.Format, check.Width, check.Height));
    }

    [Fact]
    public async Task A_TIFF_is_refused_with_415_in_plain_words_without_naming_formats()
    {
        var tiff = CraftedImages.Tiff();
        Assert.IsType<TiffFormat>(Image.DetectFormat(Configuration.Default, tiff)); // a real TIFF, which ImageSharp could decode

        var check = await _gate.CheckAsync(BinaryData.FromBytes(tiff), default);

        Assert.Equal(415, check.Refusal!.StatusCode);
        Assert.Equal("unsupported-format", check.Refusal.Code);
        Assert.Contains("as your phone or camera saved it", check.Refusal.Message);
        Assert.DoesNotContain("JPEG", check.Refusal.Message); // format names are the reuse page's
    }

    [Fact]
    public async Task An_SVG_drawing_is_refused_with_415()
    {
        var check = await _gate.CheckAsync(BinaryData.FromBytes(CraftedImages.Svg()), default);

        Assert.Equal(415, check.Refusal!.StatusCode);
        Assert.Equal("unsupported-format", check.Refusal.Code);
    }

    [Fact]
    public async Task A_text_file_is_not_an_image_we_take()
    {
        var check = await _gate.CheckAsync(BinaryData.FromString("this is not a photo"), default);

        Assert.Equal(415, check.Refusal!.StatusCode);
    }

    [Fact]
    public async Task A_photo_over_the_byte_limit_is_refused_before_it_is_read()
    {
        var gate = TestOptions.Gate(o => o.MaxUploadBytes = 1000);

        var check = await gate.CheckAsync(BinaryData.FromBytes(Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg")), default);

        Assert.Equal("too-large", check.Refusal!.Code);
    }

    [Fact]
    public async Task A_photo_is_refused_in_the_site_s_language()
    {
        var folder = PseudoLanguage.WriteFolder();
        try
        {
            var words = SiteWords.For(new WordsOptions { Language = PseudoLanguage.Tag, LanguageFolder = folder });
            var gate = TestOptions.Gate(o => o.MaxUploadBytes = 3 * 1024 * 1024, words);

            var tiff = await gate.CheckAsync(BinaryData.FromBytes(CraftedImages.Tiff()), default);
            var tooLarge = await gate.CheckAsync(BinaryData.FromBytes(new byte[(3 * 1024 * 1024) + 1]), default);

            Assert.Equal(("unsupported-format", PseudoLanguage.Say("refusal.unsupportedFormat")), (tiff.Refusal!.Code, tiff.Refusal.Message));
            Assert.Equal(PseudoLanguage.Say("refusal.tooLarge").Replace("{megabytes}", "3", StringComparison.Ordinal), tooLarge.Refusal!.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
