using Soliday.Imaging;
using Soliday.Tests.Support;

namespace Soliday.Tests.Imaging;

/// <summary>The duplicate check's index of every photo's hashes: an erased entry's are cut out, nobody else's are lost.</summary>
public sealed class PhotoHashIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Erasing_one_entry_cuts_out_its_hashes_and_loses_none_appended_meanwhile()
    {
        await azurite.ResetAsync();
        var index = new PhotoHashIndex(azurite.Blobs);
        await index.AddAsync([Hashes("erased", 0), Hashes("erased", 1), Hashes("kept-before", 0)]);

        // Appends race the rewrite: the lease makes them wait for it instead of landing in a blob about to be replaced.
        var appends = Enumerable.Range(0, 20).Select(i => index.AddAsync([Hashes($"kept-{i}", 0)]));
        await Task.WhenAll(appends.Append(index.EraseAsync("erased")));

        var read = await index.ReadAsync();
        Assert.DoesNotContain(read, h => h.SubmissionId == "erased");
        Assert.Equal(21, read.Count);
        Assert.Contains(read, h => h.SubmissionId == "kept-before");
        Assert.All(Enumerable.Range(0, 20), i => Assert.Contains(read, h => h.SubmissionId == $"kept-{i}"));
        var stored = (await azurite.Blobs.GetBlobContainerClient(Soliday.Storage.StorageLayout.Curation)
            .GetBlobClient(Soliday.Storage.StorageLayout.PhotoHashIndex).DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain(Sha("erased", 0), stored); // cut out of the blob, not hidden behind a tombstone
    }

    [Fact]
    public async Task Erasing_from_an_index_not_yet_written_changes_nothing()
    {
        await azurite.ResetAsync();
        var index = new PhotoHashIndex(azurite.Blobs);

        await index.EraseAsync("never-indexed");

        Assert.Empty(await index.ReadAsync());
    }

    [Fact]
    public async Task A_process_that_read_the_index_before_sees_what_others_appended_and_cut_out_since()
    {
        await azurite.ResetAsync();
        var reader = new PhotoHashIndex(azurite.Blobs);
        var writer = new PhotoHashIndex(azurite.Blobs); // another process
        await writer.AddAsync([Hashes("first", 0), Hashes("erased", 0)]);
        Assert.Equal(["erased", "first"], Ids(await reader.ReadAsync()));

        await writer.AddAsync([Hashes("second", 0)]);
        var appended = await reader.ReadAsync();

        // Cut out, then an entry of an id as long appended: the blob is as long as the reader knew it, and another.
        await writer.EraseAsync("erased");
        await writer.AddAsync([Hashes("latest", 0)]);
        var rewritten = await reader.ReadAsync();

        Assert.Equal(["erased", "first", "second"], Ids(appended));
        Assert.Equal(["first", "latest", "second"], Ids(rewritten));
        Assert.Equal(Sha("latest", 0), rewritten.Single(h => h.SubmissionId == "latest").Sha256);
    }

    private static string[] Ids(IEnumerable<PhotoHashes> hashes) => [.. hashes.Select(h => h.SubmissionId).Order(StringComparer.Ordinal)];

    private static PhotoHashes Hashes(string id, int photo) => new(id, photo, Sha(id, photo), "ffeeddccbbaa9988");

    private static string Sha(string id, int photo) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{id}/{photo}")));
}
