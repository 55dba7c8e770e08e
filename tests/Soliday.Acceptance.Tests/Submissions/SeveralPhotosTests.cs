using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>Up to four photos in one entry from the form, each with its own description, all the way to the public site.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class SeveralPhotosTests(SharedHost shared)
{
    private static readonly (string File, string Alt)[] ThreePhotos =
    [
        ("EX__jpg_gps_DSCN0042.jpg", "Stalls with striped awnings on Mell Square"),
        ("EX__jpg_Canon_40D.jpg", "A close-up of a pink flower in the Malvern Park borders"),
        ("EX__jpg_mobile_jolla.jpg", "Cups of tea on a table at the Core library café"),
    ];

    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_form_post_with_three_photos_becomes_one_entry_with_three_photos_each_with_its_description_on_its_page_and_in_IIIF()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder()
            .WithPhotos(ThreePhotos)
            .With("caption", "Saturday in the town centre")
            .With("credit", "Aisha Khan"));

        var waiting = await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        Assert.Equal(ThreePhotos.Select(p => p.Alt), waiting["photos"]!.AsArray().Select(p => p!["alt"]!.GetValue<string>()));
        await Host.Curator.WaitForQueueAsync(id);
        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        await Host.Http.WaitForStatusAsync(id, "published");

        var page = await Host.Http.EntryPageAsync(id);
        foreach (var (_, alt) in ThreePhotos)
        {
            Assert.Contains($"alt=\"{alt}\"", page);
        }

        Assert.True(page.IndexOf(ThreePhotos[0].Alt, StringComparison.Ordinal) < page.IndexOf(ThreePhotos[2].Alt, StringComparison.Ordinal), "the photos keep the order they were sent in");
        for (var index = 0; index < ThreePhotos.Length; index++)
        {
            // Each photo's own renditions (a small photo is never made larger, so its widths vary).
            var rendition = Regex.Match(page, $"media/{id}/{index}-[0-9]+\\.jpg").Value;
            Assert.True(rendition.Length > 0, $"the entry page shows no rendition of photo {index + 1}");
            using var image = await Host.Http.GetAsync($"/site/{rendition}");
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        }

        var manifest = JsonNode.Parse(await Host.Http.SiteFileAsync($"iiif/{id}.json"))!;
        var canvases = manifest["items"]!.AsArray();
        Assert.Equal(ThreePhotos.Select(p => p.Alt), canvases.Select(c => c!["label"]!["en"]![0]!.GetValue<string>()));
        Assert.All(canvases, c => Assert.Contains($"/media/{id}/", c!["items"]![0]!["items"]![0]!["body"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_fifth_photo_is_refused_in_plain_words_and_nothing_is_kept()
    {
        var five = ThreePhotos.Concat(ThreePhotos.Take(2)).ToArray();
        var key = Guid.NewGuid().ToString();

        using var response = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().WithPhotos(five), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("too-many-photos", problem["code"]!.GetValue<string>());
        Assert.Equal("You can send up to 4 photos with one entry, and this had 5. Please leave some out, or send them in another entry.", problem["errors"]!["photo"]![0]!.GetValue<string>());
        await AssertNothingKeptAsync(key);
    }

    [Fact]
    public async Task A_photo_without_its_description_is_refused_naming_which_photo()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().WithPhotos(ThreePhotos[0], (ThreePhotos[1].File, "")), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("description-missing", problem["code"]!.GetValue<string>());
        Assert.Equal("Please describe photo 2 for people who cannot see it.", problem["errors"]!["alt"]![0]!.GetValue<string>());
        await AssertNothingKeptAsync(key);
    }

    [Fact]
    public async Task A_description_that_came_without_its_photo_is_never_turned_into_a_written_post()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await Host.Http.PostSubmissionAsync(new SubmissionBuilder()
            .WithoutPhoto()
            .With("caption", "Our street party on Warwick Road")
            .With("alt", "Bunting across the street and a long table"), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("photo-missing", problem["code"]!.GetValue<string>());
        Assert.Contains("Please choose the photo again", problem["errors"]!["photo"]![0]!.GetValue<string>());
        await AssertNothingKeptAsync(key);
    }

    /// <summary>No original and no record under the entry id the request's key stands for.</summary>
    private async Task AssertNothingKeptAsync(string idempotencyKey)
    {
        var id = Host.SubmissionIdFor(idempotencyKey);
        foreach (var container in new[] { StorageLayout.Uploads, StorageLayout.Entries })
        {
            await foreach (var blob in Host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = id }))
            {
                Assert.Fail($"{container}/{blob.Name} was kept from a refused post");
            }
        }
    }
}
