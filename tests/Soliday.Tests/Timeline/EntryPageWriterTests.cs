using Soliday.Storage;
using Soliday.Tests.Support;
using Soliday.Timeline;

namespace Soliday.Tests.Timeline;

/// <summary>Entry pages and their links to the entries before and after them.</summary>
public sealed class EntryPageWriterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_new_entry_page_does_not_link_to_a_neighbour_taken_off_after_its_publish_read_the_hour()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var first = await site.PublishAsync(await site.AddAsync("Morning swim at the lido", hour: 7, minute: 5));
        var second = await site.PublishAsync(await site.AddAsync("Breakfast after the swim", hour: 7, minute: 30));
        var index = site.Get<TimelineIndex>();
        var snapshot = await index.ReadHourAsync(SiteHarness.Day, 7); // what the first entry's publish read

        // Taken off before the first entry's page existed: the removal's re-render of its neighbours skipped it.
        await site.Blobs.GetBlobContainerClient(StorageLayout.Site).DeleteBlobAsync(SitePaths.EntryPage(first));
        await site.Publisher.UnpublishEntry(second);

        await site.Get<EntryPageWriter>().RenderAroundAsync(snapshot, snapshot.Find(first)!);

        var page = await site.RequiredSiteFileAsync(SitePaths.EntryPage(first));
        Assert.Contains("Morning swim at the lido", page);
        Assert.DoesNotContain(second, page);
    }

    [Theory]
    [InlineData("", "", "href=\"https://soliday.example/api/report/{id}\"")]
    [InlineData("", "soliday@example.org", "href=\"https://soliday.example/api/report/{id}\"")]
    [InlineData("mailto:soliday@example.org", "", "href=\"mailto:soliday@example.org?subject=A%20problem%20with%20https%3A%2F%2Fsoliday.example%2Fsite%2Fentries%2F{id}.html\"")]
    [InlineData("https://forms.example/soliday", "soliday@example.org", "href=\"https://forms.example/soliday\"")]
    public async Task Report_a_problem_leads_to_the_configured_address_else_to_the_sites_own_report_form(string reportUrl, string contactEmail, string expected)
    {
        await using var site = await SiteHarness.StartAsync(azurite, new() { ["Site:ReportUrl"] = reportUrl, ["Site:ContactEmail"] = contactEmail });

        var id = await site.PublishAsync(await site.AddAsync("Someone in this photo did not agree", hour: 13));

        var page = await site.RequiredSiteFileAsync(SitePaths.EntryPage(id));
        Assert.Contains($"<a {expected.Replace("{id}", id, StringComparison.Ordinal)}>Report a problem with this entry</a>", page);
    }
}
