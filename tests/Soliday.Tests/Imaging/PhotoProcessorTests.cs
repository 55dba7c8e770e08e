using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging;

public sealed class PhotoProcessorTests
{
    /// <summary>A crafted file must end, one way or the other, well inside this.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static IEnumerable<object[]> RealPhotos => Corpus.Files("real-exif");

    public static IEnumerable<object[]> MalformedFiles => Corpus.Files("malformed");

    [Theory]
    [MemberData(nameof(RealPhotos))]
    public async Task Every_real_photo_becomes_renditions_without_EXIF_XMP_or_IPTC(string file)
    {
        var photo = await ProcessAsync("real-exif", file);

        Assert.NotEmpty(photo.Renditions);
        Assert.Equal(photo.Renditions.Count / 2, photo.Renditions.Count(r => r.Format == ImageFormats.WebP));
        foreach (var rendition in photo.Renditions)
        {
            var info = Image.Identify(rendition.Content.ToArray());
            Assert.Equal((rendition.Width, rendition.Height), (info.Width, info.Height));
            Assert.Null(info.Metadata.ExifProfile);
            Assert.Null(info.Metadata.XmpProfile);
            Assert.Null(info.Metadata.IptcProfile);
            Assert.True(Math.Abs(((double)info.Width / info.Height) - ((double)photo.Facts.Width / photo.Facts.Height)) < 0.02, "aspect ratio kept");
        }
    }

    [Fact]
    public async Task A_phone_photo_gets_a_small_thumbnail_for_the_grids_as_JPEG_and_WebP_with_no_GPS()
    {
        // DSCN0042 carries GPS: the thumbnail, like every rendition, must not.
        var photo = await ProcessAsync("real-exif", "EX__jpg_gps_DSCN0042.jpg");

        var thumbnails = photo.Renditions.Where(r => r.Width == RenditionPlanner.ThumbnailWidth).ToList();
        Assert.Equal([ImageFormats.Jpeg, ImageFormats.WebP], thumbnails.Select(t => t.Format).Order());
        foreach (var thumbnail in thumbnails)
        {
            var info = Image.Identify(thumbnail.Content.ToArray());
            Assert.Equal((RenditionPlanner.ThumbnailWidth, thumbnail.Height), (info.Width, info.Height));
            Assert.Null(info.Metadata.ExifProfile);
            Assert.True(thumbnail.Content.ToMemory().Length < 40_000, $"{thumbnail.Format} thumbnail is {thumbnail.Content.ToMemory().Length} bytes");
        }
    }

    [Theory]
    [InlineData("EX__jpg_orientation_landscape_2.jpg")]
    [InlineData("EX__jpg_orientation_landscape_3.jpg")]
    [InlineData("EX__jpg_orientation_landscape_5.jpg")]
    [InlineData("EX__jpg_orientation_landscape_6.jpg")]
    [InlineData("EX__jpg_orientation_landscape_8.jpg")]
    public async Task A_landscape_stored_turned_or_mirrored_comes_out_as_the_same_upright_picture(string file)
    {
        // The corpus holds one picture stored in each orientation: upright, all are the same picture.
        var reference = await ProcessAsync("real-exif", "EX__jpg_orientation_landscape_2.jpg");
        var photo = await ProcessAsync("real-exif", file);

        Assert.All(photo.Renditions, r => Assert.True(r.Width > r.Height, $"{r.Format} {r.Width}x{r.Height} should be landscape"));
        Assert.True(PerceptualHash.AreNearDuplicates(reference.Facts.PerceptualHash, photo.Facts.PerceptualHash),
            $"{file} upright differs from the reference by {PerceptualHash.Distance(reference.Facts.PerceptualHash, photo.Facts.PerceptualHash)} bits");
    }

    [Theory]
    [InlineData("RO__Portrait_6.jpg")]
    [InlineData("EX__jpg_hdr_canon_hdr_NO.jpg")]
    [InlineData("DN__jpg_Blackberry_Z10.jpg")]
    [InlineData("DN__jpg_Samsung_GT-I9000_Galaxy_S_.jpg")]
    public async Task A_portrait_stored_sideways_with_orientation_6_stays_portrait(string file)
    {
        var photo = await ProcessAsync("real-exif", file);

        Assert.Equal(6, photo.Facts.Orientation);
        Assert.All(photo.Renditions, r => Assert.True(r.Height > r.Width, $"{r.Format} {r.Width}x{r.Height} should be portrait"));
    }

    [Fact]
    public async Task Portrait_with_an_invalid_orientation_and_its_turned_twin_are_the_same_picture()
    {
        var upright = await ProcessAsync("real-exif", "RO__Portrait_0.jpg"); // orientation 0: not valid, read as 1
        var turned = await ProcessAsync("real-exif", "RO__Portrait_6.jpg");

        Assert.Equal(1, upright.Facts.Orientation);
        Assert.True(PerceptualHash.AreNearDuplicates(upright.Facts.PerceptualHash, turned.Facts.PerceptualHash));
    }

    [Theory]
    [InlineData("DN__jpg_Apple_iPhone_4.jpg")]
    [InlineData("EX__jpg_Canon_40D.jpg")]
    [InlineData("EX__jpg_orientation_landscape_6.jpg")]
    public async Task The_colour_profile_is_kept_in_every_rendition(string file)
    {
        var photo = await ProcessAsync("real-exif", file);

        Assert.All(photo.Renditions, r => Assert.NotNull(Image.Identify(r.Content.ToArray()).Metadata.IccProfile));
    }

    [Fact]
    public async Task Location_and_camera_are_read_and_kept_private()
    {
        var photo = await ProcessAsync("real-exif", "DN__jpg_Apple_iPhone_4.jpg"); // GPS 41°51'N

        Assert.InRange(photo.Facts.Location!.Latitude, 41.8, 41.9);
        Assert.Equal("Apple iPhone 4", photo.Facts.Camera);
    }

    [Fact]
    public async Task GPS_at_zero_zero_means_the_phone_had_no_fix()
    {
        var photo = await ProcessAsync("real-exif", "DN__jpg_Samsung_GT-I9000_Galaxy_S_.jpg");

        Assert.Null(photo.Facts.Location);
    }

    [Fact]
    public async Task A_caption_written_into_the_photo_is_read()
    {
        var photo = await ProcessAsync("real-exif", "EX__jpg_xmp_no_exif.jpg"); // IPTC and XMP, no EXIF

        Assert.False(string.IsNullOrWhiteSpace(photo.Facts.Description));
    }

    [Theory]
    [InlineData("DN__png_PngSuite_basn2c08.png", "png")]
    [InlineData("DN__gif_mspaint-10x10.gif", "gif")]
    [InlineData("DN__gif_pbar-ani-invalid-XMP.gif", "gif")]
    [InlineData("DN__webp_Photo_1_.webp", "webp")]
    [InlineData("DN__webp_Alpha_Lossless_2_.webp", "webp")]
    [InlineData("PI__exif_gps.jpg", "jpeg")]
    public async Task The_other_formats_we_take_become_renditions(string file, string format)
    {
        var photo = await ProcessAsync("other-formats", file);

        Assert.Equal(format, photo.Facts.Format);
        Assert.NotEmpty(photo.Renditions);
    }

    [Theory]
    [InlineData("PI__exif_gps.jpg")]
    [InlineData("PI__hopper_orientation_6.webp")]
    [InlineData("DN__webp_Photo_1_.webp")]
    [InlineData("DN__webp_Alpha_Lossless_2_.webp")]
    public async Task No_EXIF_or_location_survives_into_any_rendition_of_the_other_formats(string file)
    {
        var photo = await ProcessAsync("other-formats", file);

        Assert.NotEmpty(photo.Renditions);
        foreach (var rendition in photo.Renditions)
        {
            var bytes = rendition.Content.ToArray();
            using var decoded = Image.Load(bytes); // a full decode: WebP's EXIF is not read from the header alone
            Assert.Null(decoded.Metadata.ExifProfile);
            Assert.Null(decoded.Metadata.XmpProfile);
            Assert.Null(decoded.Metadata.IptcProfile);
            Assert.Null(ContainerSniffer.WebPExif(bytes));
            Assert.Equal(-1, bytes.AsSpan().IndexOf("Exif\0\0"u8)); // no EXIF block by any other route either
        }
    }

    [Fact]
    public void The_GPS_test_photo_does_carry_a_location_to_strip()
    {
        var exif = Image.Identify(Corpus.Read("other-formats", "PI__exif_gps.jpg")).Metadata.ExifProfile;

        Assert.NotNull(exif?.GetValue(ExifTag.GPSLatitude));
        Assert.NotNull(ContainerSniffer.WebPExif(Corpus.Read("other-formats", "PI__hopper_orientation_6.webp")));
    }

    [Fact]
    public async Task A_photo_the_capped_allocator_refuses_is_refused_whole_with_no_renditions()
    {
        // 4608×1976 decodes to 27 MB; with the cap at 1 MB the allocator says no mid-decode.
        var processor = TestOptions.Processor(o => o.AllocationLimitMegabytes = 1);

        var outcome = await processor.ProcessAsync(BinaryData.FromBytes(Corpus.Read("real-exif", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg")));

        Assert.Null(outcome.Photo);
        Assert.Equal("too-many-pixels", outcome.Refusal?.Code);
        Assert.Equal(413, outcome.Refusal!.StatusCode);
        Assert.Contains("smaller copy", outcome.Refusal.Message);
    }

    [Fact]
    public async Task A_WebP_carries_its_orientation_in_EXIF_that_only_the_full_decode_reads()
    {
        var photo = await ProcessAsync("other-formats", "PI__hopper_orientation_6.webp");

        Assert.Equal(6, photo.Facts.Orientation);
    }

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_cleanly_or_decodes_cleanly(string file)
    {
        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(Corpus.Read("malformed", file))).WaitAsync(Patience);

        Assert.True(outcome.Photo is null ^ outcome.Refusal is null, "exactly one of a photo or a refusal");
        if (outcome.Refusal is { } refusal)
        {
            Assert.Contains(refusal.StatusCode, new[] { 413, 415 });
        }
        else
        {
            Assert.NotEmpty(outcome.Photo!.Renditions);
        }
    }

    [Fact]
    public async Task A_decode_over_its_time_budget_is_refused()
    {
        var processor = TestOptions.Processor(o => o.DecodeTimeout = TimeSpan.FromMilliseconds(1));

        var outcome = await processor.ProcessAsync(BinaryData.FromBytes(Corpus.Read("real-exif", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg")));

        Assert.Equal("too-slow", outcome.Refusal?.Code);
    }

    [Fact]
    public async Task A_header_check_over_its_time_budget_is_refused_too()
    {
        var processor = TestOptions.Processor(o => o.DecodeTimeout = TimeSpan.FromTicks(1));

        var check = await processor.CheckAsync(BinaryData.FromBytes(Corpus.Read("real-exif", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg")));

        Assert.Equal("too-slow", check.Refusal?.Code);
    }

    [Fact]
    public async Task A_header_check_waits_for_a_free_decode_slot()
    {
        var processor = TestOptions.Processor(o => o.MaxConcurrentPhotos = 1);

        var decoding = processor.ProcessAsync(BinaryData.FromBytes(Corpus.Read("real-exif", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg")));
        var checking = processor.CheckAsync(BinaryData.FromBytes(Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg")));

        // A header check takes about a millisecond, this photo's decode far longer. Looked at in this
        // order, a check found done while the decode is not could only have run beside it. (Not which
        // task ends first: the decode frees its slot a moment before its task ends, and under load the
        // check can finish in that moment.)
        await Task.Delay(TimeSpan.FromMilliseconds(100));
        var checkDone = checking.IsCompleted;
        var decodeDone = decoding.IsCompleted;

        Assert.False(checkDone && !decodeDone, "the header check ran while the only decode slot was taken");
        Assert.True((await checking).Accepted);
        Assert.NotNull((await decoding).Photo);
    }

    [Fact]
    public async Task The_workflow_refuses_a_metadata_bomb_before_decoding_it()
    {
        var bomb = HostileImages.Suite().Single(f => f.Name == "png-ztxt-1GiB");

        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(bomb.Bytes)).WaitAsync(Patience);

        Assert.Equal("too-much-metadata", outcome.Refusal?.Code);
        Assert.Null(outcome.Photo);
    }

    private static async Task<ProcessedPhoto> ProcessAsync(string folder, string file)
    {
        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(Corpus.Read(folder, file)));
        Assert.True(outcome.Photo is not null, $"{file} was refused: {outcome.Refusal?.Code}");
        return outcome.Photo;
    }
}
