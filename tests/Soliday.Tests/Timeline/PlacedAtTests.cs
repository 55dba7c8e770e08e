using Soliday.Entries;
using Soliday.Submissions;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

public sealed class PlacedAtTests
{
    private static readonly SolidayOptions Day = new() { Day = new DateOnly(2026, 6, 20) };
    private static readonly DateTimeOffset SentInTheEvening = new(2026, 6, 20, 21, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Morning = new(2026, 6, 20, 9, 15, 0, TimeSpan.FromHours(1));

    [Fact]
    public void A_written_post_about_the_morning_sent_in_the_evening_is_placed_in_the_morning()
    {
        var entry = Written(given: Morning);

        Assert.Equal(Morning, entry.MomentAt);
        Assert.Equal(Morning, TimelinePublisher.PlacedAt(entry, Day));
    }

    [Fact]
    public void A_written_post_with_no_time_is_placed_when_it_was_sent()
    {
        Assert.Equal(SentInTheEvening, TimelinePublisher.PlacedAt(Written(given: null), Day));
    }

    [Fact]
    public void A_photo_that_knows_no_time_is_placed_at_the_time_given()
    {
        var entry = WithPhoto(captured: null, given: Morning);

        Assert.Equal(Morning, TimelinePublisher.PlacedAt(entry, Day));
    }

    [Fact]
    public void A_capture_time_on_the_day_wins_over_the_time_given()
    {
        var captured = new DateTimeOffset(2026, 6, 20, 14, 2, 0, TimeSpan.FromHours(1));

        var entry = WithPhoto(captured, given: Morning);

        Assert.Equal(captured, entry.MomentAt);
        Assert.Equal(captured, TimelinePublisher.PlacedAt(entry, Day));
    }

    [Fact]
    public void A_photo_from_another_year_is_placed_at_the_time_given_else_when_it_was_sent()
    {
        var years = new DateTimeOffset(2008, 10, 22, 16, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(Morning, TimelinePublisher.PlacedAt(WithPhoto(years, given: Morning), Day));
        Assert.Equal(SentInTheEvening, TimelinePublisher.PlacedAt(WithPhoto(years, given: null), Day));
        Assert.Equal(years, WithPhoto(years, given: Morning).MomentAt); // the page still says when it was taken
    }

    private static Entry Written(DateTimeOffset? given) => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        State = EntryState.AwaitingCuration,
        Text = "Coffee at the market before it got busy",
        Photos = [],
        Credit = "Sam",
        Licence = "CC-BY-4.0",
        Source = SubmissionSources.Form,
        ReceivedAt = SentInTheEvening,
        GivenMomentAt = given,
    };

    private static Entry WithPhoto(DateTimeOffset? captured, DateTimeOffset? given) => Written(given) with
    {
        Photos = [new EntryPhoto
        {
            Index = 0, Alt = "Stalls in the square", ContentType = "image/jpeg",
            Facts = new PhotoFacts
            {
                Format = "jpeg", Width = 800, Height = 600, Orientation = 1, Sha256 = "sha", PerceptualHash = "0",
                CapturedAt = captured, CaptureTimeIssue = captured is null ? CaptureTimeIssue.Missing : null,
            },
        }],
    };
}
