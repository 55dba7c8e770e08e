using Soliday.Curation;
using Soliday.Imaging;
using Soliday.Submissions;

namespace Soliday.Tests.Curation;

public sealed class CurationSummaryTests
{
    private static readonly DateTimeOffset Received = new(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_long_text_is_cut_for_the_queue_and_says_so()
    {
        var summary = CurationSummary.For("id", Begun(new string('a', 500)), []);

        Assert.Equal(CurationSummary.MaxTextLength + 1, summary.Text.Length);
        Assert.EndsWith("…", summary.Text);
    }

    [Fact]
    public void With_no_text_the_caption_written_into_the_photo_is_shown()
    {
        var summary = CurationSummary.For("id", Begun(""), [Photo(description: "Blossom on Hampton Lane")]);

        Assert.Equal("Blossom on Hampton Lane", summary.Text);
    }

    [Fact]
    public void The_moment_is_the_first_photo_capture_time_else_when_it_arrived()
    {
        var taken = new DateTimeOffset(2026, 6, 20, 7, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(taken, CurationSummary.For("id", Begun("x"), [Photo(capturedAt: taken)]).MomentAt);
        Assert.Equal(Received, CurationSummary.For("id", Begun("x"), [Photo()]).MomentAt);
    }

    [Fact]
    public void The_thumbnail_is_the_first_photo_smallest_JPEG()
    {
        var summary = CurationSummary.For("id", Begun("x"), [Photo()]);

        Assert.Equal("id/0-480.jpg", summary.Thumbnail);
    }

    [Fact]
    public void A_capture_time_that_could_not_be_believed_is_flagged_for_the_curator()
    {
        var summary = CurationSummary.For("id", Begun("x"), [Photo() with { Facts = Photo().Facts! with { CaptureTimeIssue = CaptureTimeIssue.Future } }]);

        Assert.Equal(["capture-time-future"], summary.Flags);
    }

    private static BeginProcessingResult Begun(string text) => new(1, text, "Sam", SubmissionSources.Form, Received);

    private static PreparePhotoResult Photo(string? description = null, DateTimeOffset? capturedAt = null) => new(
        0,
        new PhotoFacts { Format = "jpeg", Width = 960, Height = 640, Orientation = 1, Sha256 = "00", PerceptualHash = "0", Description = description, CapturedAt = capturedAt },
        [
            new Rendition("id/0-960.jpg", ImageFormats.Jpeg, 960, 640, 1),
            new Rendition("id/0-480.webp", ImageFormats.WebP, 480, 320, 1),
            new Rendition("id/0-480.jpg", ImageFormats.Jpeg, 480, 320, 1),
        ],
        null);
}
