using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Testing;
using Soliday.Tests.Support;
using Soliday.Words;

namespace Soliday.Tests.Imaging;

/// <summary>HEIC (iPhone) and AVIF photos: taken, turned upright once, stripped, and refused under the same limits as the rest.</summary>
public sealed class HeifPhotoTests
{
    /// <summary>A crafted file must end, one way or the other, well inside this.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_corpus_HEIC_photo_is_accepted_and_rendered_upright_with_no_metadata_left()
    {
        var outcome = await ProcessAsync(HeifFiles.Original());

        var photo = Assert.IsType<ProcessedPhoto>(outcome.Photo);
        Assert.Equal(ImageFormats.Heic, photo.Facts.Format);
        Assert.Equal((HeifFiles.Width, HeifFiles.Height), (photo.Facts.Width, photo.Facts.Height));
        Assert.Equal([480, 480, 320, 320], photo.Renditions.Select(r => r.Width));
        foreach (var rendition in photo.Renditions)
        {
            var info = Image.Identify(rendition.Content.ToArray());
            Assert.Equal((rendition.Width, rendition.Height), (info.Width, info.Height));
            Assert.True(info.Width > info.Height, "a landscape photo stays landscape");
            AssertNoMetadataLeft(rendition);
        }
    }

    [Fact]
    public async Task The_HEIC_photo_keeps_its_colours_on_the_way_into_ImageSharp()
    {
        // The reference is ImageMagick's own 32x32 PNG of the same decode: a channel swapped or
        // lost between ImageMagick's pixels and ImageSharp's would show here.
        var outcome = await ProcessAsync(HeifFiles.Original());

        using var rendered = Smallest(outcome.Photo!);
        using var reference = Image.Load<Rgb24>(HeifFiles.ReferencePixels());
        Assert.InRange(MeanDifference(rendered, reference), 0, 6);
        Assert.True(MeanDifference(rendered, reference.Clone(x => x.Flip(FlipMode.Vertical))) > 15, "the comparison can tell the photo from its mirror image");
    }

    [Fact]
    public async Task An_AVIF_photo_is_accepted_as_AVIF_with_its_renditions()
    {
        var outcome = await ProcessAsync(HeifFiles.Avif());

        var photo = Assert.IsType<ProcessedPhoto>(outcome.Photo);
        Assert.Equal(ImageFormats.Avif, photo.Facts.Format);
        Assert.Equal((HeifFiles.Width, HeifFiles.Height), (photo.Facts.Width, photo.Facts.Height));
        Assert.All(photo.Renditions, AssertNoMetadataLeft);
    }

    [Fact]
    public async Task An_AVIF_with_transparency_looks_like_the_WebP_it_was_made_from()
    {
        // The WebP is decoded by ImageSharp, the AVIF by ImageMagick: both flattened on white alike.
        var avif = await ProcessAsync(HeifFiles.AvifWithAlpha());
        var webp = await ProcessAsync(Corpus.Read("other-formats", "DN__webp_Alpha_Lossless_2_.webp"));

        Assert.Equal((386, 395), (avif.Photo!.Facts.Width, avif.Photo.Facts.Height));
        using var fromAvif = Smallest(avif.Photo);
        using var fromWebP = Smallest(webp.Photo!);
        Assert.InRange(MeanDifference(fromAvif, fromWebP), 0, 8);
    }

    [Fact]
    public async Task A_HEIC_turned_by_its_container_is_turned_upright_once_whatever_its_EXIF_says()
    {
        // As an iPhone held upright writes it: a quarter turn clockwise (three anticlockwise) in
        // the container, and EXIF orientation 6 saying the same. Applying both would turn it twice.
        var turned = await ProcessAsync(HeifFiles.TurnedByContainer(quarterTurnsAnticlockwise: 3, exifOrientation: 6));
        var original = await ProcessAsync(HeifFiles.Original());

        var photo = turned.Photo!;
        Assert.Equal((HeifFiles.Height, HeifFiles.Width), (photo.Facts.Width, photo.Facts.Height));
        using var upright = Smallest(photo);
        using var expected = Smallest(original.Photo!);
        expected.Mutate(x => x.Rotate(RotateMode.Rotate90));
        using var wrongWay = expected.Clone(x => x.Rotate(RotateMode.Rotate180));
        Assert.InRange(MeanDifference(upright, expected), 0, 8);
        Assert.True(MeanDifference(upright, wrongWay) > 20, "the comparison can tell a turn from its opposite");
    }

    [Theory]
    [InlineData(60_000u, 60_000u)] // 3.6 gigapixels: sides and pixels both over
    [InlineData(10_000u, 6_000u)] // 60 MP: each side allowed, the pixels not
    [InlineData(16_001u, 100u)] // a side over, few pixels
    public async Task A_HEIC_whose_header_declares_too_many_pixels_is_refused_like_every_other_bomb(uint width, uint height)
    {
        var bomb = HeifFiles.WithDeclaredSize(width, height);

        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(bomb)).WaitAsync(Patience);

        Assert.Equal(PhotoRefusal.TooManyPixels(SiteWords.English), outcome.Refusal);
        Assert.Null(outcome.Photo);
    }

    [Fact]
    public async Task A_HEIC_bomb_is_refused_with_the_same_code_and_words_as_a_PNG_bomb()
    {
        var png = await TestOptions.Gate().CheckAsync(BinaryData.FromBytes(Corpus.Read("malformed", "SYN__png_bomb_20000x20000_valid.png")), default);
        var heic = await TestOptions.Gate().CheckAsync(BinaryData.FromBytes(HeifFiles.WithDeclaredSize(20_000, 20_000)), default);

        Assert.Equal(png.Refusal, heic.Refusal);
        Assert.Equal("too-many-pixels", heic.Refusal!.Code);
    }

    [Theory]
    [InlineData(20)] // inside ftyp: not even a whole file type box, so not recognised as HEIF
    [InlineData(300)] // inside meta: the box runs past the end
    [InlineData(20_000)] // inside mdat: the header is whole, the picture data is not
    public async Task A_truncated_HEIC_is_refused_from_its_boxes(int bytes)
    {
        var processor = TestOptions.Processor();

        var check = await processor.CheckAsync(BinaryData.FromBytes(HeifFiles.Truncated(bytes)));

        Assert.Contains(check.Refusal?.Code, new[] { "unreadable", "unsupported-format" });
        Assert.Equal(415, check.Refusal!.StatusCode);
    }

    [Fact]
    public async Task A_HEIC_with_garbled_picture_data_passes_the_gate_and_is_refused_by_the_decoder()
    {
        var garbled = BinaryData.FromBytes(HeifFiles.WithGarbledPictureData());
        var processor = TestOptions.Processor();

        var check = await processor.CheckAsync(garbled);
        var outcome = await processor.ProcessAsync(garbled).WaitAsync(Patience);

        Assert.True(check.Accepted, check.Refusal?.Code);
        Assert.Equal(PhotoRefusal.Unreadable(SiteWords.English), outcome.Refusal);
    }

    [Fact]
    public async Task Garbage_after_a_HEIC_file_type_box_is_refused_as_unreadable()
    {
        var garbage = HeifFiles.Original()[..24].Concat(Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919))).ToArray();

        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(garbage)).WaitAsync(Patience);

        Assert.Equal(PhotoRefusal.Unreadable(SiteWords.English), outcome.Refusal);
    }

    [Fact]
    public async Task A_HEIC_with_boxes_nested_deeper_than_any_photo_is_refused_and_a_little_nesting_is_not()
    {
        var processor = TestOptions.Processor();

        var deep = await processor.ProcessAsync(BinaryData.FromBytes(HeifFiles.WithNestedBoxes(depth: 50))).WaitAsync(Patience);
        var shallow = await processor.ProcessAsync(BinaryData.FromBytes(HeifFiles.WithNestedBoxes(depth: 2))).WaitAsync(Patience);

        Assert.Equal(PhotoRefusal.Unreadable(SiteWords.English), deep.Refusal);
        Assert.NotNull(shallow.Photo);
    }

    [Fact]
    public async Task A_HEIC_carrying_more_EXIF_than_any_camera_writes_is_refused_like_the_other_metadata_bombs()
    {
        var bomb = HeifFiles.WithExifItemOf(2 * 1024 * 1024);

        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(bomb)).WaitAsync(Patience);

        Assert.Equal(PhotoRefusal.TooMuchMetadata(SiteWords.English), outcome.Refusal);
    }

    [Fact]
    public async Task A_HEIC_with_a_box_longer_than_its_parent_is_refused_as_unreadable()
    {
        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(HeifFiles.WithOverlongBox())).WaitAsync(Patience);

        Assert.Equal(PhotoRefusal.Unreadable(SiteWords.English), outcome.Refusal);
    }

    [Fact]
    public async Task An_AVIF_that_needs_more_memory_than_the_allocator_cap_is_refused_as_too_many_pixels()
    {
        // Under the gate's pixel limit, over a one-megabyte cap: ImageMagick's own memory limit says no.
        var processor = TestOptions.Processor(o => o.AllocationLimitMegabytes = 1);

        var outcome = await processor.ProcessAsync(BinaryData.FromBytes(HeifFiles.LargeAvif())).WaitAsync(Patience);

        Assert.Equal(PhotoRefusal.TooManyPixels(SiteWords.English), outcome.Refusal);
    }

    [Fact]
    public async Task A_HEIC_whose_header_understates_its_size_is_refused_as_too_big_by_the_decoder()
    {
        // The header claims 400 x 400, within a 500-pixel side limit; the picture is 640 wide.
        // libheif refuses a picture larger than its header said (its own security limit).
        var processor = TestOptions.Processor(o => o.MaxSide = 500);
        var understated = BinaryData.FromBytes(HeifFiles.WithDeclaredSize(400, 400));

        var check = await processor.CheckAsync(understated);
        var outcome = await processor.ProcessAsync(understated).WaitAsync(Patience);

        Assert.True(check.Accepted, check.Refusal?.Code);
        Assert.Equal(PhotoRefusal.TooManyPixels(SiteWords.English), outcome.Refusal);
    }

    [Fact]
    public async Task A_HEIC_over_its_time_budget_is_refused_as_too_slow()
    {
        var processor = TestOptions.Processor(o => o.DecodeTimeout = TimeSpan.FromTicks(1));

        var outcome = await processor.ProcessAsync(BinaryData.FromBytes(HeifFiles.Original())).WaitAsync(Patience);

        Assert.Equal(PhotoRefusal.TooSlow(SiteWords.English), outcome.Refusal);
    }

    private static async Task<PhotoOutcome> ProcessAsync(byte[] file)
    {
        var outcome = await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(file)).WaitAsync(Patience);
        Assert.True(outcome.Photo is not null, $"refused: {outcome.Refusal?.Code}");
        return outcome;
    }

    /// <summary>EXIF, XMP, and any ICC profile: none in the photo's metadata, none of their text in the bytes.</summary>
    private static void AssertNoMetadataLeft(RenderedImage rendition)
    {
        var bytes = rendition.Content.ToArray();
        var info = Image.Identify(bytes);
        Assert.Null(info.Metadata.ExifProfile);
        Assert.Null(info.Metadata.XmpProfile);
        Assert.Null(info.Metadata.IccProfile); // the corpus photo has none, so none may appear
        var text = Encoding.Latin1.GetString(bytes);
        Assert.DoesNotContain("Exif\0", text);
        Assert.DoesNotContain("xmpmeta", text);
        Assert.DoesNotContain("ExifTool", text);
        Assert.DoesNotContain("acsp", text); // every ICC profile's signature
    }

    private static Image<Rgb24> Smallest(ProcessedPhoto photo) =>
        Image.Load<Rgb24>(photo.Renditions.Where(r => r.Format == ImageFormats.Jpeg).MinBy(r => r.Width)!.Content.ToArray());

    /// <summary>The mean difference of two images' channels (0 to 255), compared at one small size.</summary>
    private static double MeanDifference(Image<Rgb24> a, Image<Rgb24> b)
    {
        using var left = a.Clone(x => x.Resize(32, 32));
        using var right = b.Clone(x => x.Resize(32, 32));
        double total = 0;
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var (p, q) = (left[x, y], right[x, y]);
                total += Math.Abs(p.R - q.R) + Math.Abs(p.G - q.G) + Math.Abs(p.B - q.B);
            }
        }

        return total / (32 * 32 * 3);
    }
}
