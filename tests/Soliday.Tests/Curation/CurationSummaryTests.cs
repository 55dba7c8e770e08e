using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Submissions;

namespace Soliday.Tests.Curation;

public sealed class CurationSummaryTests
{
    private static readonly DateTimeOffset Received = new(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_long_text_is_cut_for_the_board_and_says_so()
    {
        var summary = CurationSummary.From(Entry(new string('a', 500)));

        Assert.Equal(CurationSummary.MaxTextLength + 1, summary.Text.Length);
        Assert.EndsWith("…", summary.Text);
    }

    [Fact]
    public void The_moment_is_the_first_photo_capture_time_else_when_it_arrived()
    {
        var taken = new DateTimeOffset(2026, 6, 20, 7, 30, 0, TimeSpan.FromHours(1));

        Assert.Equal(taken, CurationSummary.From(Entry("x", capturedAt: taken)).MomentAt);
        Assert.Equal(Received, CurationSummary.From(Entry("x")).MomentAt);
    }

    [Fact]
    public void The_thumbnail_is_the_first_photo_smallest_JPEG_with_its_description()
    {
        var summary = CurationSummary.From(Entry("x"));

        Assert.Equal("id/0-480.jpg", summary.Thumbnail);
        Assert.Equal("A dog on a lawn", summary.ThumbnailAlt);
    }

    [Fact]
    public void Tags_are_written_as_curators_edit_them()
    {
        var summary = CurationSummary.From(Entry("x") with { Tags = [new EntryTag("hour", "07"), new EntryTag(EntryTag.Hashtag, "parkrun")] });

        Assert.Equal(["hour:07", "#parkrun"], summary.Tags);
    }

    [Fact]
    public void Overdue_is_flagged_once()
    {
        var summary = CurationSummary.From(Entry("x")).Overdue().Overdue();

        Assert.Single(summary.Flags, f => f.Code == FlagCodes.Overdue);
    }

    private static Entry Entry(string text, DateTimeOffset? capturedAt = null) => new()
    {
        Id = "id",
        State = EntryState.AwaitingCuration,
        Text = text,
        Credit = "Sam",
        Licence = "CC-BY-4.0",
        Source = SubmissionSources.Form,
        ReceivedAt = Received,
        Photos =
        [
            new EntryPhoto
            {
                Index = 0,
                Alt = "A dog on a lawn",
                ContentType = "image/jpeg",
                Facts = new PhotoFacts { Format = "jpeg", Width = 960, Height = 640, Orientation = 1, Sha256 = "00", PerceptualHash = "0", CapturedAt = capturedAt },
                Renditions =
                [
                    new Rendition("id/0-960.jpg", ImageFormats.Jpeg, 960, 640, 1),
                    new Rendition("id/0-480.webp", ImageFormats.WebP, 480, 320, 1),
                    new Rendition("id/0-480.jpg", ImageFormats.Jpeg, 480, 320, 1),
                ],
            },
        ],
    };
}
