using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hashtags;

/// <summary>Photos named by posts are hostile input: what is refused never reaches storage, and the curator is told.</summary>
[Collection(HashtagHostCollection.Name)]
public sealed class HostileMediaTests(HashtagHost hashtags)
{
    private SolidayHost Host => hashtags.Host;

    [Fact]
    public async Task A_photo_over_the_size_limit_is_stopped_as_it_streams_and_the_post_comes_without_it()
    {
        var server = hashtags.Media;
        server.ServeImage("fine.jpg", Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"));
        server.ServeWithoutLength("huge.jpg", 3 * HashtagHost.MaxUploadBytes);
        var post = server.Post("<p>Two photos, one far too big #Soliday</p>",
            media: [new FakeAttachment(server.MediaUrl("fine.jpg"), "A canal boat at Catherine-de-Barnes"), new FakeAttachment(server.MediaUrl("huge.jpg"), "A panorama")]);

        var entry = await Host.Curator.WaitForPostAsync(server.StatusUrl(post));

        Assert.Equal(1, entry["photoCount"]!.GetValue<int>());
        var flag = Assert.Single(entry.Flags("media-refused"));
        Assert.Contains("Photo 2 of the post was not taken: it is larger than 1 MB", flag["message"]!.GetValue<string>());
        Assert.Single(await UploadsAsync(entry["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_metadata_bomb_in_a_post_is_refused_by_the_forms_gate_and_the_post_comes_without_it()
    {
        var server = hashtags.Media;
        server.ServeImage("fine-too.jpg", Corpus.Read("real-exif", "EX__jpg_Canon_40D.jpg"));
        server.ServeImage("bomb.png", HostileImages.PngWith(HostileImages.Chunk("zTXt", [.. "Comment\0\0"u8, .. HostileImages.ZlibBomb(256 * 1024 * 1024)])));
        server.ServeImage("profile.webp", HostileImages.WebPWith(HostileImages.RiffChunkDeclaring("ICCP", 512 * 1024 * 1024, new byte[64])));
        var post = server.Post("<p>Three photos, two of them traps #Soliday</p>",
            media: [new FakeAttachment(server.MediaUrl("fine-too.jpg"), "A lock on the Grand Union"), new FakeAttachment(server.MediaUrl("bomb.png"), "A picture"), new FakeAttachment(server.MediaUrl("profile.webp"), "Another")]);

        var entry = await Host.Curator.WaitForPostAsync(server.StatusUrl(post));

        Assert.Equal(1, entry["photoCount"]!.GetValue<int>());
        var flags = entry.Flags("media-refused");
        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.Contains("(too-much-metadata)", f["message"]!.GetValue<string>()));
        Assert.Single(await UploadsAsync(entry["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_photo_address_that_redirects_to_loopback_or_the_metadata_service_is_never_fetched()
    {
        var server = hashtags.Media;
        server.ServeImage("secret.jpg", [0xFF, 0xD8, 0xFF]);
        server.ServeRedirect("to-loopback.jpg", $"http://127.0.0.1:{server.BaseUrl.Port}/media/secret.jpg");
        server.ServeRedirect("to-metadata.jpg", "https://169.254.169.254/latest/meta-data/iam/security-credentials/");
        var post = server.Post("<p>Nothing to see here #Soliday</p>",
            media: [new FakeAttachment(server.MediaUrl("to-loopback.jpg"), "A photo"), new FakeAttachment(server.MediaUrl("to-metadata.jpg"), "Another photo")]);

        var entry = await Host.Curator.WaitForPostAsync(server.StatusUrl(post));

        Assert.Equal(0, entry["photoCount"]!.GetValue<int>());
        var flags = entry.Flags("media-refused");
        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.Contains("private, local or metadata address", f["message"]!.GetValue<string>()));
        Assert.Contains("127.0.0.1", flags[0]["message"]!.GetValue<string>());
        Assert.Contains("169.254.169.254", flags[1]["message"]!.GetValue<string>());
        Assert.DoesNotContain(server.Requests, r => r.Path == "/media/secret.jpg");
        Assert.Empty(await UploadsAsync(entry["id"]!.GetValue<string>()));
    }

    private async Task<List<string>> UploadsAsync(string id)
    {
        var names = new List<string>();
        await foreach (var blob in Host.Blobs.GetBlobContainerClient("uploads").GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = $"{id}/" }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
