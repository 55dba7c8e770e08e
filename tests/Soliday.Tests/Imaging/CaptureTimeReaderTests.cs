using SixLabors.ImageSharp;
using Soliday.Imaging;
using Soliday.Testing;

namespace Soliday.Tests.Imaging;

public sealed class CaptureTimeReaderTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Before the Polaroid's wrong clock (2026-11-24), so that photo is "from the future".</summary>
    private static readonly DateTimeOffset Now = new(2026, 6, 20, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset? Read(string folder, string file)
    {
        using var stream = File.OpenRead(Corpus.File(folder, file));
        var info = Image.Identify(ImageSharpSetup.Configuration, stream);
        return CaptureTimeReader.Read(info.Metadata.ExifProfile, London, Now);
    }

    [Fact]
    public void Capture_time_without_offset_is_read_as_London_time()
    {
        // DateTimeOriginal 2008:10:22 17:00:07; British Summer Time that day, so UTC+1.
        Assert.Equal(new DateTimeOffset(2008, 10, 22, 17, 0, 7, TimeSpan.FromHours(1)), Read("real-exif", "EX__jpg_gps_DSCN0042.jpg"));
    }

    [Fact]
    public void A_blank_capture_date_is_no_date()
    {
        Assert.Null(Read("real-exif", "DN__jpg_FujiFilm_SP-2500.jpg"));
    }

    [Fact]
    public void A_photo_without_EXIF_has_no_capture_time()
    {
        Assert.Null(Read("real-exif", "EX__jpg_xmp_no_exif.jpg"));
    }

    [Fact]
    public void A_capture_date_in_the_future_is_not_believed()
    {
        Assert.Null(Read("real-exif", "EX__jpg_WWL_Polaroid_ION230.jpg"));
    }
}
