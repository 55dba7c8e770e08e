using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using SixLabors.ImageSharp;
using Soliday.Acceptance.Tests.Support;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>An iPhone's HEIC photos sent through the form, all the way to the public site; and a bomb in a HEIC container refused as every other bomb is.</summary>
[Collection(SharedHostCollection.Name)]
public sealed class HeicPhotoTests(SharedHost shared)
{
    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_HEIC_photo_from_the_corpus_is_published_upright_with_no_metadata_left()
    {
        // The corpus photo as it is (landscape), and as an iPhone held upright writes it: turned a
        // quarter clockwise by its container, with an EXIF orientation saying the same.
        var landscape = await SubmitAsync(HeifFiles.Original(), "IMG_0001.HEIC");
        var portrait = await SubmitAsync(HeifFiles.TurnedByContainer(quarterTurnsAnticlockwise: 3, exifOrientation: 6), "IMG_0002.HEIC");

        var landscapeImages = await PublishedImagesAsync(landscape);
        var portraitImages = await PublishedImagesAsync(portrait);

        Assert.All(landscapeImages, image => Assert.True(image.Width > image.Height, $"{image.Name} is {image.Width}x{image.Height}: the landscape photo must stay landscape"));
        Assert.All(portraitImages, image => Assert.True(image.Height > image.Width, $"{image.Name} is {image.Width}x{image.Height}: the upright photo must be turned once, not twice"));
        Assert.All(landscapeImages.Concat(portraitImages), image =>
        {
            Assert.Null(image.Info.Metadata.ExifProfile);
            Assert.Null(image.Info.Metadata.XmpProfile);
            Assert.Null(image.Info.Metadata.IccProfile);
            Assert.DoesNotContain("xmpmeta", image.Text);
            Assert.DoesNotContain("ExifTool", image.Text);
            Assert.DoesNotContain("Exif\0", image.Text);
        });
    }

    [Fact]
    public async Task A_bomb_in_a_HEIC_container_is_refused_like_a_PNG_bomb_and_nothing_is_kept()
    {
        var heicKey = Guid.NewGuid().ToString();

        using var heic = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().WithPhotoBytes(HeifFiles.WithDeclaredSize(60_000, 60_000), "IMG_0003.HEIC"), heicKey);
        using var png = await Host.Http.PostSubmissionAsync(new SubmissionBuilder().WithPhoto("malformed", "SYN__png_bomb_20000x20000_valid.png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, heic.StatusCode);
        Assert.Equal(png.StatusCode, heic.StatusCode);
        var (heicProblem, pngProblem) = (await heic.ProblemAsync(), await png.ProblemAsync());
        Assert.Equal("too-many-pixels", heicProblem["code"]!.GetValue<string>());
        Assert.Equal(pngProblem["code"]!.GetValue<string>(), heicProblem["code"]!.GetValue<string>());
        Assert.Equal(pngProblem["errors"]!["photo"]![0]!.GetValue<string>(), heicProblem["errors"]!["photo"]![0]!.GetValue<string>());
        await AssertNothingKeptAsync(heicKey);
    }

    private async Task<string> SubmitAsync(byte[] photo, string fileName)
    {
        var id = await Host.Http.SubmitAsync(new SubmissionBuilder().WithPhotoBytes(photo, fileName).With("caption", "Morning on the Hampton Lane allotments"));
        await Host.Curator.WaitForQueueAsync(id);
        using var approval = await Host.Curator.ApproveAsync(id);
        Assert.Equal(HttpStatusCode.Accepted, approval.StatusCode);
        return id;
    }

    /// <summary>No original and no record under the entry id the request's key stands for.</summary>
    private async Task AssertNothingKeptAsync(string idempotencyKey)
    {
        var id = Host.SubmissionIdFor(idempotencyKey);
        foreach (var container in new[] { StorageLayout.Uploads, StorageLayout.Entries })
        {
            await foreach (var blob in Host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = id }))
            {
                Assert.Fail($"{container}/{blob.Name} was kept from a refused post");
            }
        }
    }

    /// <summary>Every rendition the published entry's page links to, JPEG and WebP, read back from the site.</summary>
    private async Task<List<PublishedImage>> PublishedImagesAsync(string id)
    {
        await Host.Http.WaitForStatusAsync(id, "published");
        var page = await Host.Http.EntryPageAsync(id);
        var names = Regex.Matches(page, $"media/{id}/0-[0-9]+\\.(jpg|webp)").Select(m => m.Value).Distinct().ToList();
        Assert.Contains(names, n => n.EndsWith(".jpg", StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith(".webp", StringComparison.Ordinal));

        var images = new List<PublishedImage>();
        foreach (var name in names)
        {
            var bytes = await Host.Http.GetByteArrayAsync($"/site/{name}");
            var info = Image.Identify(bytes);
            images.Add(new PublishedImage(name, info.Width, info.Height, info, Encoding.Latin1.GetString(bytes)));
        }

        return images;
    }

    private sealed record PublishedImage(string Name, int Width, int Height, IImageInfo Info, string Text);
}
