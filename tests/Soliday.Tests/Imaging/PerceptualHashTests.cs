using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;
using Soliday.Imaging;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging;

/// <summary>The near-duplicate threshold, checked against copies and against different photos.</summary>
public sealed class PerceptualHashTests
{
    /// <summary>Photos of different scenes (the orientation set and the two portraits are one scene each, so one of each).</summary>
    private static readonly string[] DistinctPhotos =
    [
        "EX__jpg_gps_DSCN0042.jpg", "DN__jpg_Apple_iPhone_4.jpg", "DN__jpg_Blackberry_Z10.jpg",
        "DN__jpg_Samsung_GT-I9000_Galaxy_S_.jpg", "EX__jpg_Canon_40D.jpg", "EX__jpg_exif-org_fujifilm-dx10.jpg",
        "EX__jpg_hdr_canon_hdr_NO.jpg", "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg", "EX__jpg_mobile_jolla.jpg",
        "EX__jpg_xmp_no_exif.jpg", "EX__jpg_orientation_landscape_2.jpg", "RO__Portrait_6.jpg",
    ];

    [Theory]
    [InlineData("EX__jpg_gps_DSCN0042.jpg")]
    [InlineData("DN__jpg_Apple_iPhone_4.jpg")]
    [InlineData("EX__jpg_mobile_jolla.jpg")]
    public async Task A_copy_saved_again_smaller_and_at_low_quality_is_a_near_duplicate(string file)
    {
        var original = Corpus.Read("real-exif", file);
        using var copy = Image.Load(original);
        copy.Mutate(x => x.Resize(copy.Width / 2, 0));
        using var saved = new MemoryStream();
        await copy.SaveAsync(saved, new JpegEncoder { Quality = 40 });

        var distance = PerceptualHash.Distance(await HashAsync(original), await HashAsync(saved.ToArray()));

        Assert.InRange(distance, 0, PerceptualHash.NearDuplicateDistance);
    }

    [Fact]
    public async Task Different_photos_are_not_near_duplicates()
    {
        var hashes = new List<string>();
        foreach (var file in DistinctPhotos)
        {
            hashes.Add(await HashAsync(Corpus.Read("real-exif", file)));
        }

        var closest = hashes.SelectMany((a, i) => hashes.Skip(i + 1).Select(b => PerceptualHash.Distance(a, b))).Min();

        Assert.True(closest > PerceptualHash.NearDuplicateDistance, $"two different photos are only {closest} bits apart");
    }

    private static async Task<string> HashAsync(byte[] photo) =>
        (await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(photo))).Photo!.Facts.PerceptualHash;
}
