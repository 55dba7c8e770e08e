using System.Net;
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
        Assert.Contains(await Host.Curator.QueueAsync(), item => item!["id"]!.GetValue<string>() == id);

        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        var published = await Host.Http.WaitForStatusAsync(id, "published");

        var page = await Host.Http.DayPageAsync();
        Assert.Contains("Market day on Mell Square", page);
        Assert.Contains("alt=\"Stalls with striped awnings and shoppers\"", page);
        Assert.Contains("Photo by Tom Hughes", page);
        Assert.Contains($"id=\"e-{id}\"", page);
        Assert.Contains("17:00", page); // the hour it was taken, not the hour it was sent
        Assert.EndsWith($"#e-{id}", published["siteUrl"]!.GetValue<string>());

        using var image = await Host.Http.GetAsync($"/site/media/{id}/0-480.jpg");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
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

        var page = await Host.Http.DayPageAsync();
        Assert.Contains("Volunteering at the food bank on Chelmsley Wood this morning.", page);
        Assert.Contains("Words by Priya from Shirley", page);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_415_and_nothing_is_kept()
    {
        var before = await StoredBlobCountAsync();

        using var response = await Host.Http.PostAsync("/api/submissions", new SubmissionBuilder()
            .WithPhotoBytes("%PDF-1.4 not a photo at all"u8.ToArray(), "holiday.jpg").Build());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("unsupported-format", problem["code"]!.GetValue<string>());
        Assert.Contains("JPEG", problem["errors"]!["photo"]![0]!.GetValue<string>());
        Assert.Equal(before, await StoredBlobCountAsync());
    }

    [Fact]
    public async Task An_empty_form_is_refused_with_400_naming_the_fields_and_nothing_is_kept()
    {
        var before = await StoredBlobCountAsync();

        using var response = await Host.Http.PostAsync("/api/submissions", new MultipartFormDataContent { { new StringContent(""), "caption" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("caption"));
        Assert.True(errors.ContainsKey("consent"));
        Assert.Equal(before, await StoredBlobCountAsync());
    }

    [Fact]
    public async Task A_submission_without_consent_is_refused_with_400_naming_consent_and_nothing_is_kept()
    {
        var before = await StoredBlobCountAsync();

        using var response = await Host.Http.PostAsync("/api/submissions", new SubmissionBuilder().Without("consent").Build());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync())["errors"]!.AsObject();
        Assert.Equal(["consent"], errors.Select(e => e.Key));
        Assert.Equal(before, await StoredBlobCountAsync());
    }

    [Fact]
    public async Task A_photo_over_25_MB_is_refused_with_413()
    {
        var before = await StoredBlobCountAsync();

        using var response = await Host.Http.PostAsync("/api/submissions", new SubmissionBuilder()
            .WithPhotoBytes(new byte[26 * 1024 * 1024]).Build());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await StoredBlobCountAsync());
    }

    [Fact]
    public async Task The_status_of_an_entry_that_does_not_exist_is_404()
    {
        using var response = await Host.Http.GetAsync("/api/submissions/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ProblemAsync())["status"]!.GetValue<int>());
    }

    private async Task<int> StoredBlobCountAsync()
    {
        var count = 0;
        foreach (var container in new[] { StorageLayout.Uploads, StorageLayout.Entries })
        {
            await foreach (var _ in Host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions()))
            {
                count++;
            }
        }

        return count;
    }
}
