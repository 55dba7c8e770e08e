using System.Net;
using System.Text.RegularExpressions;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// A photo that came with a form sent back is kept for the next try: the resident fixes the form
/// and sends it again without choosing the photo again, and gets a photo entry, never a written post.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class KeptPhotoTests(SharedHost shared)
{
    private const string Description = "A heron on the weir at Olton Mere";

    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_photo_sent_with_a_form_that_came_back_is_kept_and_the_next_try_needs_only_its_token()
    {
        var photo = Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg");
        var form = await BrowserFormSession.OpenAsync(Host);

        using var sentBack = await form.SendAsync(new SubmissionBuilder().With("alt", Description).With("caption", "Morning at the mere").Without("consent"));

        Assert.Equal(HttpStatusCode.BadRequest, sentBack.StatusCode);
        Assert.Contains("Your photo is kept for this try.", form.Page);
        Assert.DoesNotContain("browsers do not keep them", form.Page);
        var token = form.Kept[0];
        Assert.Matches("^[A-Za-z0-9_-]{22}$", token);
        Assert.Equal(["", "", ""], form.Kept.Skip(1)); // one field for each of the four places, in order
        var preview = PreviewAddress().Match(form.Page);
        var id = preview.Groups[1].Value;
        using var previewed = await Host.Http.GetAsync(preview.Value);
        Assert.Equal("image/jpeg", previewed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo, await previewed.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", previewed.Headers.CacheControl?.ToString());
        Assert.Equal([StorageLayout.KeptPhoto(id, token)], await Host.BlobNamesAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id)));
        Assert.Empty(await Host.BlobNamesAsync(StorageLayout.Site, $"media/{id}")); // private: never on the site

        // The next try: consent ticked, no photo part at all, only the kept photo's token beside its description.
        using var sent = await form.SendAsync(new SubmissionBuilder().WithoutPhoto().With("alt", Description).With("caption", "Morning at the mere"), token);

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.StartsWith($"/api/submissions/{id}?key=", sent.Headers.Location!.ToString());
        var key = sent.Headers.Location!.ToString().Split("key=")[1];
        var waiting = await WaitForAsync(id, key, "awaiting-curation");
        Assert.Equal(Description, waiting["photos"]![0]!["alt"]!.GetValue<string>());
        Assert.Equal(100, waiting["photos"]![0]!["width"]!.GetValue<int>()); // the photo itself, prepared as any other
        var original = await Host.Blobs.GetBlobContainerClient(StorageLayout.Uploads).GetBlobClient(StorageLayout.Original(id, 0)).DownloadContentAsync();
        Assert.Equal(photo, original.Value.Content.ToArray());
    }

    [Fact]
    public async Task A_description_whose_photo_did_not_come_is_refused_with_a_code_and_nothing_is_kept()
    {
        using var response = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().WithoutPhoto().With("alt", Description).With("caption", "Morning at the mere"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("photo-missing", problem["code"]!.GetValue<string>());
        Assert.Contains("Please choose the photo again", problem["errors"]!["photo"]![0]!.GetValue<string>());
        Assert.Equal(["photo"], problem["errors"]!.AsObject().Select(e => e.Key)); // the API's answer as it was: the photo asked for, nothing else
    }

    [Fact]
    public async Task A_kept_token_another_form_was_given_names_no_photo_and_the_photo_is_asked_for_again()
    {
        var owner = await BrowserFormSession.OpenAsync(Host);
        using var sentBack = await owner.SendAsync(new SubmissionBuilder().With("alt", Description).Without("consent"));
        var other = await BrowserFormSession.OpenAsync(Host);

        using var response = await other.SendAsync(new SubmissionBuilder().WithoutPhoto().With("alt", Description).With("caption", "Not mine"), owner.Kept[0]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("it has gone now. Please choose it again.", other.Page);
        Assert.DoesNotContain("Your photo is kept for this try.", other.Page);
    }

    [Fact]
    public async Task Taking_the_entry_down_erases_a_photo_kept_for_its_form()
    {
        var form = await BrowserFormSession.OpenAsync(Host);
        using var sent = await form.SendAsync(new SubmissionBuilder().With("caption", "Allotments at dawn"));
        var statusUrl = sent.Headers.Location!.ToString();
        var id = statusUrl.Split('/', '?')[3];
        var key = statusUrl.Split("key=")[1];
        await WaitForAsync(id, key, "awaiting-curation");

        // The same page sent again, consent unticked: it comes back, and keeps its photo under the same entry id.
        using var sentBack = await form.SendAsync(new SubmissionBuilder().With("caption", "Allotments at dawn").Without("consent"));
        Assert.Contains("Your photo is kept for this try.", form.Page);
        Assert.Single(await Host.BlobNamesAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id)));

        await Host.Http.TakeDownAsync(Soliday.Web.Routes.TakedownUrl(id, key)); // and waits until nothing of it is left

        Assert.Empty(await Host.BlobNamesAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id)));
        Assert.Empty(await Host.BlobNamesAsync(StorageLayout.Uploads, $"{id}/"));
    }

    [Fact]
    public async Task A_rejection_erases_a_photo_kept_for_the_entry_s_form_with_its_originals()
    {
        var form = await BrowserFormSession.OpenAsync(Host);
        using var sent = await form.SendAsync(new SubmissionBuilder().With("caption", "Bins on Warwick Road"));
        var statusUrl = sent.Headers.Location!.ToString();
        var id = statusUrl.Split('/', '?')[3];
        var key = statusUrl.Split("key=")[1];
        await WaitForAsync(id, key, "awaiting-curation");
        using var sentBack = await form.SendAsync(new SubmissionBuilder().With("caption", "Bins on Warwick Road").Without("consent"));
        Assert.Single(await Host.BlobNamesAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id)));

        using var rejection = await Host.Curator.RejectAsync(id, "Not quite the day we are after.");
        await WaitForAsync(id, key, "rejected");

        await SolidayApi.EventuallyAsync(async () => (await Host.BlobNamesAsync(StorageLayout.Uploads, StorageLayout.KeptPhotos(id))).Count == 0, "the kept photo goes with the originals");
        Assert.Empty(await Host.BlobNamesAsync(StorageLayout.Uploads, $"{id}/"));
    }

    private async Task<System.Text.Json.Nodes.JsonNode> WaitForAsync(string id, string key, string status)
    {
        await SolidayApi.EventuallyAsync(async () => (await Host.Http.StatusAsync(id, key))["status"]!.GetValue<string>() == status, $"entry {id} is {status}");
        return await Host.Http.StatusAsync(id, key);
    }

    [GeneratedRegex("/api/submit/kept/([0-9a-f]{32})/[A-Za-z0-9_-]{22}")]
    private static partial Regex PreviewAddress();
}
