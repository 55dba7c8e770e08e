using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Submissions;

namespace Soliday.Tests.Curation;

public sealed class EntryFlaggerTests
{
    private static readonly DateOnly Day = new(2026, 6, 20);

    [Fact]
    public void A_photo_sent_before_is_flagged_with_a_link_to_the_other_entry()
    {
        var flags = Flagger().Flags(Entry(sha: "abc", phash: "0000000000000000"), [new PhotoHashes("other", 0, "abc", "ffffffffffffffff")]);

        var flag = Assert.Single(flags, f => f.Code == FlagCodes.ExactDuplicate);
        Assert.Equal("/api/submissions/other", flag.Link);
    }

    [Fact]
    public void A_very_similar_photo_is_flagged_as_a_near_duplicate()
    {
        var flags = Flagger().Flags(Entry(sha: "abc", phash: "00000000000000ff"), [new PhotoHashes("other", 0, "def", "000000000000000f")]); // 4 bits apart

        Assert.Contains(flags, f => f.Code == FlagCodes.NearDuplicate);
    }

    [Fact]
    public void The_entry_itself_is_not_its_own_duplicate()
    {
        var entry = Entry(sha: "abc", phash: "0");

        Assert.DoesNotContain(Flagger().Flags(entry, [new PhotoHashes(entry.Id, 0, "abc", "0")]), f => f.Code == FlagCodes.ExactDuplicate);
    }

    [Theory]
    [InlineData("", FlagCodes.MissingAlt)]
    [InlineData("IMG_2041", FlagCodes.WeakAlt)]
    [InlineData("sunset", FlagCodes.WeakAlt)]
    [InlineData("A dog", FlagCodes.WeakAlt)]
    public void A_missing_or_weak_description_is_flagged(string alt, string code)
    {
        Assert.Contains(Flagger().Flags(Entry(alt: alt), []), f => f.Code == code);
    }

    [Fact]
    public void A_good_description_is_not_flagged()
    {
        Assert.DoesNotContain(Flagger().Flags(Entry(alt: "Two children feeding ducks at the lake"), []), f => f.Code is FlagCodes.MissingAlt or FlagCodes.WeakAlt);
    }

    [Theory]
    [InlineData("Call Dave on 07700 900123 for tickets")]
    [InlineData("Email me at dave@example.org")]
    [InlineData("Party at 14 Hampton Lane tonight")]
    [InlineData("Lost cat near B91 3QT")]
    public void Text_that_may_hold_personal_details_is_flagged(string text)
    {
        Assert.Contains(Flagger().Flags(Entry(text: text), []), f => f.Code == FlagCodes.PersonalDetails);
    }

    [Fact]
    public void Ordinary_text_is_not_flagged_for_personal_details()
    {
        Assert.DoesNotContain(Flagger().Flags(Entry(text: "Ran 5 km in 24 minutes at the 9am parkrun, 300 of us"), []), f => f.Code == FlagCodes.PersonalDetails);
    }

    [Fact]
    public void Watched_words_are_flagged_as_whole_words_in_any_case()
    {
        var flagger = Flagger(watched: ["badword"]);

        Assert.Contains(flagger.Flags(Entry(text: "What a BADWORD day"), []), f => f.Code == FlagCodes.WatchedWords);
        Assert.DoesNotContain(flagger.Flags(Entry(text: "notbadwordy"), []), f => f.Code == FlagCodes.WatchedWords);
    }

    [Fact]
    public void A_photo_taken_on_another_day_or_with_no_time_is_flagged()
    {
        var otherDay = Entry(captured: new DateTimeOffset(2008, 5, 30, 15, 0, 0, TimeSpan.FromHours(1)));
        var noTime = Entry(issue: CaptureTimeIssue.Missing);

        Assert.Contains(Flagger().Flags(otherDay, []), f => f.Code == FlagCodes.CaptureTimeOffDay);
        Assert.Contains(Flagger().Flags(noTime, []), f => f.Code == FlagCodes.CaptureTimeMissing);
    }

    [Fact]
    public void A_capture_time_more_than_an_hour_from_the_time_given_is_flagged_with_both_times()
    {
        var entry = Entry(captured: new DateTimeOffset(2026, 6, 20, 14, 2, 0, TimeSpan.FromHours(1))) with
        {
            GivenMomentAt = new DateTimeOffset(2026, 6, 20, 9, 15, 0, TimeSpan.FromHours(1)),
        };

        var flag = Assert.Single(Flagger().Flags(entry, []), f => f.Code == FlagCodes.CaptureTimeDisagrees);
        Assert.Contains("at 09:15", flag.Message);
        Assert.Contains("at 14:02", flag.Message);
    }

    [Theory]
    [InlineData(8, 55)] // the photo's 08:00 and a remembered 08:55: the same moment
    [InlineData(7, 0)]
    public void A_capture_time_within_an_hour_of_the_time_given_is_not_flagged(int hour, int minute)
    {
        var entry = Entry() with { GivenMomentAt = new DateTimeOffset(2026, 6, 20, hour, minute, 0, TimeSpan.FromHours(1)) };

        Assert.DoesNotContain(Flagger().Flags(entry, []), f => f.Code == FlagCodes.CaptureTimeDisagrees);
    }

    [Fact]
    public void A_photo_with_no_time_says_it_is_placed_at_the_time_given()
    {
        var entry = Entry(issue: CaptureTimeIssue.Missing) with { GivenMomentAt = new DateTimeOffset(2026, 6, 20, 9, 15, 0, TimeSpan.FromHours(1)) };

        var flags = Flagger().Flags(entry, []);

        Assert.Contains("placed at 09:15, the time the sender gave", Assert.Single(flags, f => f.Code == FlagCodes.CaptureTimeMissing).Message);
        Assert.DoesNotContain(flags, f => f.Code == FlagCodes.CaptureTimeDisagrees);
    }

    [Fact]
    public void A_caption_taken_from_the_photo_file_is_flagged_with_words_that_say_so()
    {
        var entry = Entry(text: "Der Goalie bin ig", description: "Der Goalie bin ig");

        var flag = Assert.Single(Flagger().Flags(entry, []), f => f.Code == FlagCodes.CaptionFromPhoto);
        Assert.StartsWith("Caption taken from the photo file", flag.Message);
    }

    [Fact]
    public void A_caption_the_sender_wrote_or_a_curator_rewrote_is_not_flagged_as_taken_from_the_photo_file()
    {
        var written = Entry(text: "Our goalkeeper at the Saturday match", description: "Der Goalie bin ig");
        var noDescription = Entry(text: "A sunny morning");

        Assert.DoesNotContain(Flagger().Flags(written, []), f => f.Code == FlagCodes.CaptionFromPhoto);
        Assert.DoesNotContain(Flagger().Flags(noDescription, []), f => f.Code == FlagCodes.CaptionFromPhoto);
    }

    private static EntryFlagger Flagger(List<string>? watched = null) => new(
        Options.Create(new CurationOptions { WatchedWords = watched ?? [] }),
        Options.Create(new SolidayOptions { Day = Day }));

    private static Entry Entry(
        string text = "A sunny morning", string alt = "Two children feeding ducks at the lake", string sha = "sha", string phash = "0123456789abcdef",
        DateTimeOffset? captured = null, CaptureTimeIssue? issue = null, string? description = null) => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        State = EntryState.Processing,
        Text = text,
        Credit = "Sam",
        Licence = "CC-BY-4.0",
        Source = SubmissionSources.Form,
        ReceivedAt = new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.FromHours(1)),
        Photos = [new EntryPhoto
        {
            Index = 0, Alt = alt, ContentType = "image/jpeg",
            Facts = new PhotoFacts
            {
                Format = "jpeg", Width = 800, Height = 600, Orientation = 1, Sha256 = sha, PerceptualHash = phash,
                CapturedAt = issue is null ? captured ?? new DateTimeOffset(2026, 6, 20, 8, 0, 0, TimeSpan.FromHours(1)) : null, CaptureTimeIssue = issue,
                Description = description,
            },
        }],
    };
}
