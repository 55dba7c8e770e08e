using System.Net;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;
using Soliday.Storage;

namespace Soliday.Acceptance.Tests.Submissions;

[Collection(SharedHostCollection.Name)]
public sealed class SubmittingTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_photo_travels_from_the_form_to_the_public_timeline()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithPhoto("real-exif", "EX__jpg_gps_DSCN0042.jpg")
            .With("caption", "Market day on Mell Square")
            .With("alt", "Stalls with striped awnings and shoppers")
            .With("credit", "Tom Hughes"));

        var waiting = await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        Assert.Equal("2008-10-22T17:00:07+01:00", waiting["momentAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz"));
        await Host.Curator.WaitForQueueAsync(id);

        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        var published = await Host.Http.WaitForStatusAsync(id, "published");

        var page = await Host.Http.EntryPageAsync(id);
        Assert.Contains("Market day on Mell Square", page);
        Assert.Contains("alt=\"Stalls with striped awnings and shoppers\"", page);
        Assert.Contains("<dd>Tom Hughes</dd>", page);
        var hour = await Host.Http.HourPageAsync(17); // the hour it was taken, not the hour it was sent
        Assert.Contains($"href=\"../entries/{id}.html\"", hour);
        Assert.Contains("alt=\"Stalls with striped awnings and shoppers\"", hour);
        Assert.Contains("</time> by Tom Hughes", hour);
        Assert.Matches("class=\"count\">[1-9]", SectionOfHour(await Host.Http.DayPageAsync(), 17)); // counted on the day page
        Assert.EndsWith($"/site/entries/{id}.html", published["siteUrl"]!.GetValue<string>());

        using var image = await Host.Http.GetAsync($"/site/media/{id}/0-480.jpg");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        using var thumbnail = await Host.Http.GetAsync($"/site/media/{id}/0-320.webp"); // the grids' tile
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"src=\"../media/{id}/0-320.jpg\"", hour);
        Assert.DoesNotContain(await Host.Curator.QueueAsync(), item => item!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_written_post_without_a_photo_is_published_as_text()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithoutPhoto()
            .With("caption", "Volunteering at the food bank on Chelmsley Wood this morning."));

        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");

        var published = await Host.Http.StatusAsync(id);
        Assert.Contains("Volunteering at the food bank on Chelmsley Wood this morning.", await Host.Http.EntryPageAsync(id));
        var hour = await Host.Http.HourPageAsync(SolidayApi.LocalHour(published["receivedAt"]!.GetValue<DateTimeOffset>()));
        Assert.Contains("Volunteering at the food bank on Chelmsley Wood this morning.", hour);
        Assert.Contains(" by Priya from Shirley</p>", hour); // under its tile, after when it was written
    }

    [Fact]
    public async Task A_photo_sent_without_a_caption_takes_the_caption_written_into_it_flagged_to_curators_as_taken_from_the_photo_file()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithPhoto("real-exif", "EX__jpg_xmp_no_exif.jpg") // its IPTC and XMP say "Der Goalie bin ig"
            .With("caption", ""));

        var waiting = await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        var queued = await Host.Curator.WaitForQueueAsync(id);
        var card = await Host.Curator.CurationCardAsync(id, "flag=caption-from-photo");
        using var approval = await Host.Curator.ApproveAsync(id);
        await Host.Http.WaitForStatusAsync(id, "published");

        Assert.Equal("Der Goalie bin ig", waiting["text"]!.GetValue<string>());
        Assert.Contains("Der Goalie bin ig", queued.ToJsonString());
        Assert.Contains(queued["flags"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "caption-from-photo");
        Assert.Contains("data-flag=\"caption-from-photo\"", card); // listed when curators filter by the flag, and shown on its card
        Assert.Contains("Caption taken from the photo file", card);
        Assert.Contains("Der Goalie bin ig", await Host.Http.EntryPageAsync(id)); // published because a curator approved it with the flag in view
    }

    [Fact]
    public async Task A_curator_who_rewrites_a_caption_taken_from_the_photo_file_clears_its_flag()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithPhoto("real-exif", "EX__jpg_xmp_no_exif.jpg")
            .With("caption", ""));
        await Host.Curator.WaitForQueueAsync(id);
        Assert.Contains(id, await Host.Curator.QueueIdsAsync("flag=caption-from-photo"));

        using var edit = await Host.Curator.EditAsync(id, new { text = "Our goalkeeper, ready for the penalty" });

        Assert.Equal(HttpStatusCode.Accepted, edit.StatusCode);
        await SolidayApi.EventuallyAsync(async () => !(await Host.Curator.QueueIdsAsync("flag=caption-from-photo")).Contains(id), "the flag goes once a curator wrote the caption");
        Assert.Equal("Our goalkeeper, ready for the penalty", (await Host.Curator.WaitForQueueAsync(id))["caption"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_caption_the_sender_wrote_is_not_flagged_as_taken_from_the_photo_file()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithPhoto("real-exif", "EX__jpg_xmp_no_exif.jpg")
            .With("caption", "Our goalkeeper before the kick-off"));

        var queued = await Host.Curator.WaitForQueueAsync(id);

        Assert.Equal("Our goalkeeper before the kick-off", queued["caption"]!.GetValue<string>());
        Assert.DoesNotContain(queued["flags"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "caption-from-photo");
        Assert.DoesNotContain("Caption taken from the photo file", await Host.Curator.CurationCardAsync(id));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_415_and_nothing_is_kept()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await PostAsync(new SubmissionBuilder().WithPhotoBytes("%PDF-1.4 not a photo at all"u8.ToArray(), "holiday.jpg").Build(), key);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("unsupported-format", problem["code"]!.GetValue<string>());
        Assert.Contains("as your phone or camera saved it", problem["errors"]!["photo"]![0]!.GetValue<string>());
        await AssertNothingKeptAsync(key);
    }

    [Theory]
    [InlineData("scan.tif")]
    [InlineData("drawing.svg")]
    public async Task A_TIFF_or_an_SVG_is_refused_with_415_and_nothing_is_kept(string file)
    {
        var key = Guid.NewGuid().ToString();
        var content = file.EndsWith(".svg", StringComparison.Ordinal) ? CraftedImages.Svg() : CraftedImages.Tiff();

        using var response = await PostAsync(new SubmissionBuilder().WithPhotoBytes(content, file).Build(), key);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported-format", (await response.ProblemAsync())["code"]!.GetValue<string>());
        await AssertNothingKeptAsync(key);
    }

    [Fact]
    public async Task An_empty_form_is_refused_with_400_naming_the_fields_and_nothing_is_kept()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await PostAsync(new MultipartFormDataContent { { new StringContent(""), "caption" } }, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("caption"));
        Assert.True(errors.ContainsKey("consent"));
        await AssertNothingKeptAsync(key);
    }

    [Fact]
    public async Task A_submission_without_consent_is_refused_with_400_naming_consent_and_nothing_is_kept()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await PostAsync(new SubmissionBuilder().Without("consent").Build(), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync())["errors"]!.AsObject();
        Assert.Equal(["consent"], errors.Select(e => e.Key));
        await AssertNothingKeptAsync(key);
    }

    [Fact]
    public async Task A_photo_over_25_MB_is_refused_with_413_and_nothing_is_kept()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await PostAsync(new SubmissionBuilder().WithPhotoBytes(new byte[26 * 1024 * 1024]).Build(), key);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingKeptAsync(key);
    }

    [Fact]
    public async Task The_status_of_an_entry_that_does_not_exist_is_404()
    {
        using var response = await Host.Http.GetAsync("/api/submissions/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ProblemAsync())["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_photo_taken_on_another_day_is_placed_at_the_hour_it_arrived_and_shows_its_date()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "EX__jpg_Canon_40D.jpg")); // 30 May 2008
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        using var approval = await Host.Curator.ApproveAsync(id);
        var published = await Host.Http.WaitForStatusAsync(id, "published");

        var arrivedHour = SolidayApi.LocalHour(published["receivedAt"]!.GetValue<DateTimeOffset>());
        var hourPage = await Host.Http.HourPageAsync(arrivedHour);
        Assert.Contains($"href=\"../entries/{id}.html\"", hourPage);
        Assert.Contains("<span class=\"other-day\">Taken 30 May 2008 at 15:56</span>", hourPage); // marked: not taken today
        Assert.Contains("30 May 2008 at 15:56", await Host.Http.EntryPageAsync(id));
    }

    [Fact]
    public async Task A_photo_that_cannot_be_decoded_ends_failed_with_a_reason_and_nothing_kept()
    {
        // Its header is sound, so the form takes it; the image data is cut short.
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("malformed", "PI__truncated_image.png"));

        var failed = await Host.Http.WaitForStatusAsync(id, "failed");

        Assert.Contains("could not read this picture", failed["reason"]!.GetValue<string>());
        Assert.Empty(await BlobsAsync(StorageLayout.Uploads, $"{id}/"));
        Assert.Empty(await BlobsAsync(StorageLayout.Renditions, $"{id}/"));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_with_413()
    {
        var form = new SubmissionBuilder().WithPhotoBytes(new byte[26 * 1024 * 1024]).Build();
        var chunked = new StreamContent(await form.ReadAsStreamAsync()); // no Content-Length: sent in chunks
        chunked.Headers.ContentType = form.Headers.ContentType;

        using var response = await Host.Http.PostAsync("/api/submissions", chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task More_than_four_photos_are_refused_with_400_naming_the_photo_field()
    {
        var form = new SubmissionBuilder().Build();
        for (var i = 0; i < 4; i++)
        {
            form.Add(new ByteArrayContent(Soliday.Testing.Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg")), "photo", $"extra-{i}.jpg");
            form.Add(new StringContent("Another photo"), "alt");
        }

        using var response = await Host.Http.PostAsync("/api/submissions", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync())["errors"]!.AsObject().ContainsKey("photo"));
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_with_415()
    {
        using var response = await Host.Http.PostAsync("/api/submissions", new StringContent("{\"caption\":\"hi\"}", null, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await response.ProblemAsync();
    }

    /// <summary>The HTML of one hour's section of the day page: its count, its previews, its link.</summary>
    private static string SectionOfHour(string page, int hour)
    {
        var start = page.IndexOf($"id=\"h{hour:00}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the day page has no section for {hour:00}:00");
        return page[start..page.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private async Task<List<string>> BlobsAsync(string container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>The HTML of one entry on the day page.</summary>
    private async Task<HttpResponseMessage> PostAsync(HttpContent form, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/submissions") { Content = form };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await Host.Http.SendAsync(request);
    }

    /// <summary>
    /// Nothing of a refused request under the entry id its <c>Idempotency-Key</c> stands for: no
    /// original, no record, no rendition. Then a sound entry with the same key is taken as new under
    /// that very id, which proves the place looked at was the right one (and that no record was there).
    /// </summary>
    private async Task AssertNothingKeptAsync(string idempotencyKey)
    {
        var id = Host.SubmissionIdFor(idempotencyKey);
        Assert.Empty(await BlobsAsync(StorageLayout.Uploads, id));
        Assert.Empty(await BlobsAsync(StorageLayout.Entries, id));
        Assert.Empty(await BlobsAsync(StorageLayout.Renditions, id));

        using var sound = await Host.Http.PostSubmissionAsync(new SubmissionBuilder(), idempotencyKey);
        Assert.Equal(HttpStatusCode.Accepted, sound.StatusCode);
        Assert.Equal(id, JsonNode.Parse(await sound.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
    }
}
