using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>
/// The hour search files on a real Azurite, through the real publish and take-down: a publish
/// rewrites the file of its own hour alone, and an entry taken off leaves no word in any of them.
/// </summary>
public sealed class SearchIndexWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Every_hour_has_a_search_file_before_anything_is_published()
    {
        await using var site = await SiteHarness.StartAsync(azurite);

        foreach (var hour in Enumerable.Range(0, 24))
        {
            Assert.Contains("\"entries\":[]", await site.RequiredSiteFileAsync(SitePaths.SearchIndex(hour))); // the script finds every file, empty or not
        }

        Assert.Contains("search.js", await site.RequiredSiteFileAsync(SitePaths.SearchPage));
        Assert.NotNull(await site.SiteFileAsync("search.js"));
    }

    [Fact]
    public async Task A_search_file_is_stored_gzipped_and_says_so_and_the_page_itself_is_not()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.PublishAsync(await site.AddAsync("Scones at the Core library café", hour: 15, minute: 30));
        var container = azurite.Blobs.GetBlobContainerClient(StorageLayout.Site);

        var stored = (await container.GetBlobClient(SitePaths.SearchIndex(15)).DownloadContentAsync()).Value;
        var page = (await container.GetBlobClient(SitePaths.SearchPage).GetPropertiesAsync()).Value;

        Assert.Equal("gzip", stored.Details.ContentEncoding);
        Assert.Equal([0x1f, 0x8b], stored.Content.ToArray()[..2]); // gzip's own header: the bytes really are compressed
        Assert.Contains("scones at the core library cafe", Soliday.Testing.StoredText.Of(stored.Content, stored.Details.ContentEncoding));
        Assert.Null(page.ContentEncoding);
    }

    [Fact]
    public async Task A_publish_rewrites_the_search_file_of_its_own_hour_and_no_other()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.PublishAsync(await site.AddAsync("Bunting going up on the High Street", hour: 10, minute: 5));
        var before = await EtagsAsync(site);

        var id = await site.PublishAsync(await site.AddAsync("Brass band in Malvern Park", hour: 14, minute: 20, credit: "Tomás Ruiz", place: "Malvern Park", tags: ["#bandstand"]));

        var after = await EtagsAsync(site);
        Assert.Equal([14], Enumerable.Range(0, 24).Where(h => before[h] != after[h]));
        var file = await site.RequiredSiteFileAsync(SitePaths.SearchIndex(14));
        Assert.Contains(id, file);
        Assert.Contains("brass band in malvern park tomas ruiz bandstand", file);
        Assert.Contains("Bunting going up", await site.RequiredSiteFileAsync(SitePaths.SearchIndex(10)));
        Assert.Contains($"href=\"../{SitePaths.SearchPage}\"", await site.RequiredSiteFileAsync("tags/bandstand.html")); // the way to search from a tag
    }

    [Fact]
    public async Task An_edit_replaces_the_entry_s_words_in_its_hour_s_search_file()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await site.PublishAsync(await site.AddAsync("Kites over Tudor Grange", hour: 16));

        await site.EditAsync(id, e => e with { Text = "Paper lanterns over Tudor Grange" });

        var file = await site.RequiredSiteFileAsync(SitePaths.SearchIndex(16));
        Assert.DoesNotContain("kites", file, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("paper lanterns", file);
    }

    [Fact]
    public async Task An_entry_taken_off_leaves_no_word_of_its_caption_credit_or_place_in_any_search_file()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var kept = await site.PublishAsync(await site.AddAsync("Morning swim at Tudor Grange", hour: 7, minute: 5));
        var erased = await site.PublishAsync(await site.AddAsync("Saoirse's birthday picnic", hour: 7, minute: 40, credit: "Niamh Quigley", place: "Elmdon Park", tags: ["#picnic"]));
        Assert.Contains("saoirse", await site.RequiredSiteFileAsync(SitePaths.SearchIndex(7)));

        await site.Publisher.UnpublishEntry(erased); // what the workflow does when the sender or a curator takes it down

        foreach (var hour in Enumerable.Range(0, 24))
        {
            var file = await site.RequiredSiteFileAsync(SitePaths.SearchIndex(hour));
            foreach (var trace in new[] { erased, "Saoirse", "saoirse", "Niamh", "quigley", "Elmdon", "picnic" })
            {
                Assert.DoesNotContain(trace, file);
            }
        }

        Assert.Contains(kept, await site.RequiredSiteFileAsync(SitePaths.SearchIndex(7)));
    }

    private static async Task<Azure.ETag[]> EtagsAsync(SiteHarness site)
    {
        var container = site.Blobs.GetBlobContainerClient(StorageLayout.Site);
        return await Task.WhenAll(Enumerable.Range(0, 24).Select(async hour => (await container.GetBlobClient(SitePaths.SearchIndex(hour)).GetPropertiesAsync()).Value.ETag));
    }
}
