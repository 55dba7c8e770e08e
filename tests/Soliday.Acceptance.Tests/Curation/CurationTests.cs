using System.Net;
using System.Net.Http.Headers;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;
using Soliday.Storage;

namespace Soliday.Acceptance.Tests.Curation;

[Collection(SharedHostCollection.Name)]
public sealed class CurationTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_rejected_entry_never_appears_on_the_site_and_its_renditions_are_removed()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "A caption that must never be published"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");
        Assert.NotEmpty(await BlobsAsync(StorageLayout.Renditions, $"{id}/"));

        using var rejection = await Host.Curator.RejectAsync(id, "The photo shows a private garden.");
        Assert.Equal(HttpStatusCode.Accepted, rejection.StatusCode);
        var rejected = await Host.Http.WaitForStatusAsync(id, "rejected");

        Assert.Equal("The photo shows a private garden.", rejected["reason"]!.GetValue<string>());
        Assert.DoesNotContain("A caption that must never be published", await SiteTextAsync());
        Assert.Empty(await BlobsAsync(StorageLayout.Renditions, $"{id}/"));
        Assert.Empty(await BlobsAsync(StorageLayout.Site, $"media/{id}/"));
        Assert.Empty(await BlobsAsync(StorageLayout.Uploads, $"{id}/")); // the original, with its GPS, is not kept
    }

    [Fact]
    public async Task Of_two_curators_deciding_at_once_exactly_one_wins()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        var decisions = await Task.WhenAll(Host.Curator.ApproveAsync(id), Host.Curator.RejectAsync(id, "Blurred"), Host.Curator.ApproveAsync(id));

        Assert.Equal(1, decisions.Count(d => d.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(2, decisions.Count(d => d.StatusCode == HttpStatusCode.Conflict));
        var winner = decisions.Single(d => d.StatusCode == HttpStatusCode.Accepted);
        var decision = System.Text.Json.Nodes.JsonNode.Parse(await winner.Content.ReadAsStringAsync())!["decision"]!.GetValue<string>();
        await Host.Http.WaitForStatusAsync(id, decision == "approve" ? "published" : "rejected");
    }

    [Fact]
    public async Task A_second_decision_on_the_same_entry_is_refused_with_409()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder());
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        using var first = await Host.Curator.ApproveAsync(id);
        using var second = await Host.Curator.RejectAsync(id, "Changed my mind");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Already decided", (await second.ProblemAsync())["title"]!.GetValue<string>());
        await Host.Http.WaitForStatusAsync(id, "published");
    }

    [Fact]
    public async Task The_queue_shows_a_thumbnail_only_curators_can_open()
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhoto("real-exif", "RO__Portrait_6.jpg"));
        await Host.Http.WaitForStatusAsync(id, "awaiting-curation");

        var item = await Host.Curator.WaitForQueueAsync(id);
        var thumbnail = item["thumbnailUrl"]!.GetValue<string>();

        using var asCurator = await Host.Curator.GetAsync(thumbnail);
        using var asPublic = await Host.Http.GetAsync(thumbnail);
        Assert.Equal(HttpStatusCode.OK, asCurator.StatusCode);
        Assert.Equal("image/jpeg", asCurator.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, asPublic.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-token")]
    public async Task Every_curation_route_refuses_a_caller_without_the_curator_token(string? token)
    {
        foreach (var request in CurationRoutes.Requests())
        {
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await Host.Http.SendAsync(request);
            CurationRoutes.AssertRefused(request, response);
        }
    }

    [Fact]
    public async Task A_forged_Easy_Auth_principal_is_ignored_when_Easy_Auth_is_not_in_front()
    {
        foreach (var request in CurationRoutes.Requests())
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", CurationRoutes.Principal("mallory@example.org", "curator"));

            using var response = await Host.Http.SendAsync(request);
            CurationRoutes.AssertRefused(request, response);
        }
    }

    private async Task<string> SiteTextAsync() => await Host.Http.WholeDayTextAsync();

    private async Task<List<string>> BlobsAsync(string container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
