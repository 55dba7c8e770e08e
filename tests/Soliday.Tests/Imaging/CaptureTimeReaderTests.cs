using Soliday.Entries;
using Soliday.Testing;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging;

/// <summary>
/// The capture time of every real photo in the corpus, as its EXIF <c>DateTimeOriginal</c> says
/// (values read off the files; offsets are Europe/London's on that date unless the camera wrote one).
/// </summary>
public sealed class CaptureTimeReaderTests
{
    public static TheoryData<string, string?, CaptureTimeIssue?> RealPhotos => new()
    {
        { "EX__jpg_gps_DSCN0042.jpg", "2008-10-22T17:00:07+01:00", null },
        { "DN__jpg_Apple_iPhone_4.jpg", "2011-01-13T14:33:39+00:00", null },
        { "DN__jpg_Blackberry_Z10.jpg", "2013-08-17T18:54:52+01:00", null },
        { "DN__jpg_Issue_508.jpg", "2020-09-02T18:52:42+01:00", null },
        { "DN__jpg_Samsung_GT-I9000_Galaxy_S_.jpg", "2011-04-02T18:30:10+01:00", null },
        { "EX__jpg_Canon_40D.jpg", "2008-05-30T15:56:01+01:00", null },
        { "EX__jpg_exif-org_fujifilm-dx10.jpg", "2001-04-12T20:33:14+01:00", null },
        { "EX__jpg_hdr_canon_hdr_NO.jpg", "2015-02-09T22:47:44+00:00", null },
        { "EX__jpg_mobile_HMD_Nokia_8.3_5G.jpg", "2022-08-14T14:12:31+03:00", null }, // OffsetTimeOriginal +03:00
        { "EX__jpg_mobile_jolla.jpg", "2014-09-21T16:00:56+01:00", null },
        { "DN__jpg_FujiFilm_SP-2500.jpg", null, CaptureTimeIssue.Invalid }, // DateTimeOriginal is blank
        { "EX__jpg_WWL_Polaroid_ION230.jpg", null, CaptureTimeIssue.Future }, // camera clock set to 2026-11-24
        { "EX__jpg_xmp_no_exif.jpg", null, CaptureTimeIssue.Missing },
        { "EX__jpg_orientation_landscape_2.jpg", null, CaptureTimeIssue.Missing }, // the orientation samples carry no date
        { "EX__jpg_orientation_landscape_3.jpg", null, CaptureTimeIssue.Missing },
        { "EX__jpg_orientation_landscape_5.jpg", null, CaptureTimeIssue.Missing },
        { "EX__jpg_orientation_landscape_6.jpg", null, CaptureTimeIssue.Missing },
        { "EX__jpg_orientation_landscape_8.jpg", null, CaptureTimeIssue.Missing },
        { "RO__Portrait_0.jpg", null, CaptureTimeIssue.Missing },
        { "RO__Portrait_6.jpg", null, CaptureTimeIssue.Missing },
    };

    [Fact]
    public void Every_real_photo_in_the_corpus_has_its_capture_time_stated_here()
    {
        var stated = RealPhotos.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(Corpus.Files("real-exif").Select(row => (string)row[0]), stated);
    }

    [Theory]
    [MemberData(nameof(RealPhotos))]
    public async Task The_capture_time_is_the_one_the_camera_wrote_or_the_reason_there_is_none(string file, string? expected, CaptureTimeIssue? issue)
    {
        var facts = (await TestOptions.Processor().ProcessAsync(BinaryData.FromBytes(Corpus.Read("real-exif", file)))).Photo!.Facts;

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), facts.CapturedAt);
        Assert.Equal(expected is null ? null : TimeSpan.Parse(expected[^6..].TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), facts.CapturedAt?.Offset);
        Assert.Equal(issue, facts.CaptureTimeIssue);
    }
}
