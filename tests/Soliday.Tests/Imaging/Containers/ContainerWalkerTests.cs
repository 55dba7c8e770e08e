using System.IO.Compression;
using Soliday.Imaging.Containers;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging.Containers;

public sealed class ContainerWalkerTests
{
    /// <summary>Far below the gigabyte the bombs inflate to: the walk may only ever hold its scratch buffers and the capped count.</summary>
    private const long MostBytesAllocatedByOneWalk = 16 * 1024 * 1024;

    public static IEnumerable<object[]> Suite => HostileImages.Suite().Select(file => new object[] { file });

    public static IEnumerable<object[]> RealPictures =>
        Corpus.Files("real-exif").Select(f => new object[] { "real-exif", f[0] })
            .Concat(Corpus.Files("other-formats").Where(f => !((string)f[0]).EndsWith(".heif", StringComparison.Ordinal)).Select(f => new object[] { "other-formats", f[0] }));

    [Theory]
    [MemberData(nameof(Suite))]
    public async Task Every_hostile_container_is_refused_as_too_much_metadata(HostileImage file)
    {
        var check = await TestOptions.Processor().CheckAsync(BinaryData.FromBytes(file.Bytes));

        Assert.Equal("too-much-metadata", check.Refusal?.Code);
        Assert.Equal(422, check.Refusal!.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Suite))]
    public void A_hostile_container_is_stopped_without_inflating_its_bombs(HostileImage file)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var exceeded = ContainerWalker.ExceededLimit(file.Bytes);

        Assert.NotNull(exceeded);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, 0, MostBytesAllocatedByOneWalk);
    }

    [Theory]
    [InlineData("png-ztxt-1GiB", "Text over")]
    [InlineData("png-itxt-compressed-1GiB", "Text over")]
    [InlineData("png-iccp-1GiB", "IccProfile over")]
    [InlineData("png-exif-2MiB", "Exif over")]
    [InlineData("png-300-text-chunks", "pieces")]
    [InlineData("png-text-declaring-2GiB", "Text over")]
    [InlineData("webp-iccp-declaring-512MiB", "IccProfile over")]
    [InlineData("webp-exif-1MiB", "Exif over")]
    [InlineData("webp-xmp-declaring-3GiB", "Xmp over")]
    [InlineData("webp-300-unknown-chunks", "pieces")]
    [InlineData("jpeg-300-icc-pieces", "pieces")]
    [InlineData("jpeg-icc-of-80-full-segments", "IccProfile over")]
    [InlineData("jpeg-extended-xmp-of-40-segments", "Xmp over")]
    [InlineData("jpeg-300-comments", "pieces")]
    [InlineData("gif-300-comments", "pieces")]
    [InlineData("gif-comment-of-2MiB", "Text over")]
    [InlineData("gif-300-application-extensions", "pieces")]
    [InlineData("gif-xmp-of-3MiB", "Xmp over")]
    public void Each_hostile_container_breaks_the_limit_it_was_made_for(string name, string limit)
    {
        var file = HostileImages.Suite().Single(f => f.Name == name);

        Assert.Contains(limit, ContainerWalker.ExceededLimit(file.Bytes), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RealPictures))]
    public void Every_real_picture_in_the_corpus_is_within_the_limits(string folder, string file)
    {
        Assert.Null(ContainerWalker.ExceededLimit(Corpus.Read(folder, file)));
    }

    [Fact]
    public async Task The_photos_that_carry_the_hostile_metadata_are_accepted_without_it()
    {
        var processor = TestOptions.Processor();

        foreach (var carrier in new[] { HostileImages.PngWith(), HostileImages.WebPWith(), HostileImages.JpegWith(), HostileImages.GifWith() })
        {
            var check = await processor.CheckAsync(BinaryData.FromBytes(carrier));
            Assert.True(check.Accepted, check.Refusal?.Message);
        }
    }

    [Fact]
    public async Task A_PNG_with_the_metadata_an_editor_writes_is_accepted()
    {
        var profile = Deflate(new byte[3 * 1024 * 1024]); // a large (3 MB) ICC profile, under the 4 MB limit
        var png = HostileImages.PngWith(
            HostileImages.Chunk("iCCP", [.. "Display P3\0\0"u8, .. profile]),
            HostileImages.Chunk("zTXt", [.. "Comment\0\0"u8, .. Deflate(new byte[100 * 1024])]),
            HostileImages.Chunk("iTXt", [.. "XML:com.adobe.xmp\0\u0001\0\0\0"u8, .. Deflate(new byte[1536 * 1024])]),
            HostileImages.Chunk("eXIf", new byte[60 * 1024]));

        Assert.Null(ContainerWalker.ExceededLimit(png));
        Assert.True((await TestOptions.Processor().CheckAsync(BinaryData.FromBytes(png))).Accepted);
    }

    [Fact]
    public void A_bomb_is_measured_exactly_and_inflating_stops_just_past_the_cap()
    {
        var bomb = HostileImages.ZlibBomb(64 * 1024 * 1024);

        Assert.Equal(64 * 1024 * 1024, InflatedSize.Of(bomb, long.MaxValue));
        Assert.InRange(InflatedSize.Of(bomb, 1024 * 1024), 1024 * 1024 + 1, 1024 * 1024 + (64 * 1024));
    }

    [Fact]
    public void A_damaged_container_never_makes_the_walk_throw()
    {
        // Seeded, so a failure names the same file every run: cut short anywhere, or bytes overwritten.
        var random = new Random(12);
        var carriers = new[]
        {
            HostileImages.PngWith(HostileImages.Chunk("zTXt", [.. "Comment\0\0"u8, .. HostileImages.ZlibBomb(1024 * 1024)])),
            HostileImages.JpegWith(HostileImages.JpegSegment(0xFE, "hello"u8.ToArray())),
            HostileImages.GifWith(HostileImages.GifExtension(0xFE, "hello"u8.ToArray())),
            HostileImages.WebPWith(HostileImages.RiffChunk("XMP ", new byte[100])),
        };

        foreach (var carrier in carriers)
        {
            for (var i = 0; i < 500; i++)
            {
                var damaged = carrier[..random.Next(1, carrier.Length)];
                for (var flips = random.Next(4); flips > 0; flips--)
                {
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                }

                var exception = Record.Exception(() => ContainerWalker.ExceededLimit(damaged));
                Assert.True(exception is null, $"{Convert.ToHexString(damaged[..Math.Min(16, damaged.Length)])}... ({damaged.Length} bytes): {exception}");
            }
        }
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
