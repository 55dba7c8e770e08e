using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// "When was this?": the time a resident gives places a written post, or a photo that knows no time.
/// The shared host's day is 22 October 2008 (British Summer Time): whatever the hour these tests run,
/// they send later than 09:15 on it.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class GivenTimeTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_written_post_about_9_15_sent_later_lands_in_the_9_oclock_hour_saying_whose_time_it_is()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithoutPhoto()
            .With("caption", "Queue for the bakery on Drury Lane before it opened")
            .With("moment", "09:15"));

        var waiting = await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        Assert.Equal("2008-10-22T09:15:00+01:00", waiting["momentAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.Contains("Time given by the sender 09:15", await Host.Curator.CurationCardAsync(id));
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");

        Assert.Contains("Queue for the bakery on Drury Lane before it opened", await Host.Http.HourPageAsync(9));
        var entryPage = await Host.Http.EntryPageAsync(id);
        Assert.Contains("<dt>When</dt>", entryPage);
        Assert.Contains("22 October 2008 at 09:15</time>, the time the sender gave", entryPage);
    }

    [Fact]
    public async Task A_photo_taken_hours_from_the_time_given_is_flagged_on_the_board_and_placed_by_its_capture_time()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg") // taken at 17:00:07 on the day
            .With("caption", "Stalls packing up on Mell Square")
            .With("moment", "09:15"));

        await Host.Curator.WaitForQueueAsync(id);
        var card = await Host.Curator.CurationCardAsync(id, "flag=capture-time-disagrees");
        var queued = await Host.Curator.WaitForQueueAsync(id);

        Assert.Contains("data-flag=\"capture-time-disagrees\"", card);
        Assert.Contains("The sender said this was at 09:15, but the photo was taken at 17:00", card);
        Assert.Contains("Time given by the sender 09:15", card);
        Assert.Contains("Photo taken 22 October 2008 at 17:00", card);
        Assert.Equal(17, SolidayApi.LocalHour(queued["momentAt"]!.GetValue<DateTimeOffset>()));
        Assert.Contains("capture-time-disagrees", await Host.Curator.CurationPageAsync()); // offered in the flag filter
    }

    [Fact]
    public async Task A_curator_who_changes_the_time_moves_the_published_entry_to_its_new_hour()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithoutPhoto()
            .With("caption", "Choir practice at the United Reformed Church")
            .With("moment", "09:40"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");
        Assert.Contains("Choir practice at the United Reformed Church", await Host.Http.HourPageAsync(9));

        var editPage = await Host.Curator.GetStringAsync($"/api/curation/{id}/edit");
        Assert.Contains("<input type=\"time\" id=\"moment\" name=\"moment\" value=\"09:40\"", editPage); // the edit page offers the time to change

        using var edit = await Host.Curator.EditAsync(id, new { moment = "19:40" });

        Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        await SolidayApi.EventuallyAsync(async () => (await Host.Http.HourPageAsync(19)).Contains("Choir practice at the United Reformed Church"), "the entry moves to 19:00");
        Assert.DoesNotContain("Choir practice at the United Reformed Church", await Host.Http.HourPageAsync(9));
        await SolidayApi.EventuallyAsync(async () => (await Host.Http.EntryPageAsync(id)).Contains("22 October 2008 at 19:40</time>, the time the sender gave"), "its page says the new time");
    }

    [Fact]
    public async Task A_curator_who_clears_the_time_puts_a_waiting_entry_back_at_the_hour_it_was_sent()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithoutPhoto()
            .With("caption", "Dog walkers meeting at Malvern Park gates")
            .With("moment", "07:05"));
        await Host.Curator.WaitForQueueAsync(id);

        using var edit = await Host.Curator.EditAsync(id, new { moment = "" });

        Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        await SolidayApi.EventuallyAsync(async () => (await Host.Curator.WaitForQueueAsync(id))["givenMomentAt"] is null, "the time goes");
        var queued = await Host.Curator.WaitForQueueAsync(id);
        Assert.Equal(queued["receivedAt"]!.GetValue<DateTimeOffset>(), queued["momentAt"]!.GetValue<DateTimeOffset>());
        Assert.Contains($"hour:{SolidayApi.LocalHour(queued["receivedAt"]!.GetValue<DateTimeOffset>()):00}", queued["tags"]!.ToJsonString()); // its hour tag follows it
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("quarter past nine")]
    public async Task A_time_that_cannot_be_read_is_refused_as_problem_details_and_nothing_is_kept(string sent)
    {
        using var response = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().WithoutPhoto().With("moment", sent));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ProblemAsync();
        Assert.Equal("moment-invalid", problem["code"]!.GetValue<string>());
        Assert.Equal("Please give the time as hours and minutes, like 09:15, or leave it empty.", problem["errors"]!["moment"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_browser_gets_the_form_again_with_the_error_beside_the_time_and_its_words_kept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions")
        {
            Content = new SubmissionBuilder().WithoutPhoto().With("caption", "Tea at the Hub after the walk").With("moment", "9h15").Build(),
        };
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await Host.Http.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<a href=\"#moment\">Please give the time as hours and minutes, like 09:15, or leave it empty.</a>", page); // the summary leads to the field
        Assert.Matches("<input type=\"time\" id=\"moment\"[^>]*aria-invalid=\"true\"[^>]*autofocus", page);
        Assert.Contains("Tea at the Hub after the walk</textarea>", page);
    }

    [Fact]
    public async Task A_curator_time_that_cannot_be_read_is_refused_as_problem_details()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", "Bells ringing at St Alphege"));
        await Host.Curator.WaitForQueueAsync(id);

        using var edit = await Host.Curator.EditAsync(id, new { moment = "noon" });

        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        var problem = await edit.ProblemAsync();
        Assert.Equal("moment-invalid", problem["code"]!.GetValue<string>());
        Assert.Contains("like 09:15", problem["errors"]!["moment"]![0]!.GetValue<string>());
    }
}
