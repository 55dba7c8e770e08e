using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Specialized;
using Soliday.Entries;
using Soliday.Submissions;
using Soliday.Tests.Support;
using Soliday.Timeline;
using Soliday.Timeline.OpenData;

namespace Soliday.Tests.Timeline;

/// <summary>
/// Publishing, editing and taking entries off, through the real activities on a real Azurite: the
/// entry appears wherever it belongs, and only there, and leaves every page, feed and data file.
/// </summary>
public sealed class TimelinePublisherTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    /// <summary>Every file the whole day is written into.</summary>
    private static readonly string[] DayFiles =
        [SitePaths.DayPage, SitePaths.AtomFeed, SitePaths.JsonFeed, SitePaths.TimelineJs, SitePaths.IiifCollection, SitePaths.Csv, SitePaths.JsonLd, SitePaths.Sitemap];

    [Fact]
    public async Task A_published_entry_is_on_its_page_its_hour_the_day_page_its_tags_the_feeds_and_every_data_file()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var entry = await site.AddAsync("Parkrun in Brueton Park", hour: 9, minute: 12, tags: ["#parkrun", "place:Brueton Park", "source:form", "hour:09"]);

        var id = await site.PublishAsync(entry);

        Assert.Contains("Parkrun in Brueton Park", await site.RequiredSiteFileAsync(SitePaths.EntryPage(id)));
        Assert.Contains($"href=\"../{SitePaths.EntryPage(id)}\"", await site.RequiredSiteFileAsync(SitePaths.HourPage(9)));
        Assert.Contains(SitePaths.EntryPage(id), await site.RequiredSiteFileAsync("tags/parkrun.html"));
        Assert.Contains(SitePaths.EntryPage(id), await site.RequiredSiteFileAsync("tags/place-brueton-park.html"));
        Assert.Null(await site.SiteFileAsync("tags/source-form.html")); // how it arrived is not public
        Assert.Null(await site.SiteFileAsync("tags/hour-09.html")); // the hour pages are the hours' pages
        Assert.NotNull(await site.SiteFileAsync(SitePaths.IiifManifest(id)));
        foreach (var file in DayFiles)
        {
            Assert.Contains(id, await site.RequiredSiteFileAsync(file));
        }

        var day = await site.RequiredSiteFileAsync(SitePaths.DayPage);
        Assert.Contains("1 entry", SectionOf(day, 9));
        Assert.Contains("<p class=\"quiet\" id=\"h00\">No entries 00:00–09:00</p>", day); // the empty hours before it, in one line
        Assert.Equal("published", (await site.Entries.GetAsync(id)).State.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task An_edit_changes_the_entry_everywhere_and_moves_it_between_tag_pages()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await site.PublishAsync(await site.AddAsync("Before the edit", hour: 14, tags: ["#market", "colour:red"]));

        await site.EditAsync(id, e => e with { Text = "After the edit, at the Mell Square market", Tags = [.. e.Tags.Where(t => t.Kind != "hashtag"), new("hashtag", "mellsquare")] });

        foreach (var file in DayFiles.Append(SitePaths.EntryPage(id)).Append(SitePaths.HourPage(14)))
        {
            var content = await site.RequiredSiteFileAsync(file);
            Assert.DoesNotContain("Before the edit", content);
            if (file is not (SitePaths.Sitemap or SitePaths.DayPage)) // the day page shows its photo, not its words
            {
                Assert.Contains("After the edit", content);
            }
        }

        Assert.Null(await site.SiteFileAsync("tags/market.html")); // its only entry left it
        Assert.Contains("After the edit", await site.RequiredSiteFileAsync("tags/mellsquare.html"));
        Assert.Contains("After the edit", await site.RequiredSiteFileAsync("tags/colour-red.html"));
    }

    [Fact]
    public async Task An_edit_moving_an_entry_to_another_hour_that_fails_midway_leaves_nothing_in_the_old_hour_once_retried()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await site.PublishAsync(await site.AddAsync("Kites over Tudor Grange", hour: 9, minute: 10, photos: 0));
        var moved = await site.Entries.UpdateAsync(id, e => e with { ReceivedAt = e.ReceivedAt.AddHours(5) }); // a curator corrects the time
        var (publishedAt, changedAt) = (moved.PublishedAt!.Value, DateTimeOffset.UtcNow);

        await using (await LeaseAsync(site, SitePaths.DayPage)) // the day page cannot be written: the activity fails
        {
            await Assert.ThrowsAnyAsync<Exception>(() => site.Publisher.PublishAsync(id, publishedAt, decision: null, changedAt));
        }

        await site.Publisher.PublishAsync(id, publishedAt, decision: null, changedAt); // the durable retry

        var day = await site.RequiredSiteFileAsync(SitePaths.DayPage);
        Assert.DoesNotContain("id=\"h09\"", day); // empty now: part of the line for the empty hours before 14:00
        Assert.Contains(id, SectionOf(day, 14));
        Assert.DoesNotContain(id, await site.RequiredSiteFileAsync(SitePaths.HourPage(9)));
    }

    [Fact]
    public async Task An_edit_dropping_a_tag_that_fails_midway_takes_the_entry_off_that_tag_page_once_retried()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        await site.PublishAsync(await site.AddAsync("The tombola at the fete", hour: 11, minute: 5, tags: ["#fete"]));
        var id = await site.PublishAsync(await site.AddAsync("Lemon drizzle on the cake stall", hour: 11, minute: 30, tags: ["#fete"]));
        var edited = await site.Entries.UpdateAsync(id, e => e with { Tags = [new("hashtag", "cakes")] });
        var (publishedAt, changedAt) = (edited.PublishedAt!.Value, DateTimeOffset.UtcNow);

        await using (await LeaseAsync(site, "tags/fete.html")) // the tag page it leaves cannot be written: the activity fails
        {
            await Assert.ThrowsAnyAsync<Exception>(() => site.Publisher.PublishAsync(id, publishedAt, decision: null, changedAt));
        }

        await site.Publisher.PublishAsync(id, publishedAt, decision: null, changedAt); // the durable retry

        Assert.DoesNotContain(id, await site.RequiredSiteFileAsync("tags/fete.html"));
        Assert.Contains(id, await site.RequiredSiteFileAsync("tags/cakes.html"));
        await site.Publisher.UnpublishEntry(id);
        Assert.Null(await site.SiteFileAsync("tags/cakes.html"));
    }

    [Fact]
    public async Task An_entry_taken_off_leaves_every_page_feed_and_data_file_and_its_neighbours_link_past_it()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var before = await site.PublishAsync(await site.AddAsync("The one before", hour: 7, minute: 5, tags: ["#commute"]));
        var removed = await site.PublishAsync(await site.AddAsync("The one taken off", hour: 7, minute: 30, tags: ["#commute", "#secret"]));
        var after = await site.PublishAsync(await site.AddAsync("The one after", hour: 8, minute: 1));
        Assert.Contains($"{removed}.html", await site.RequiredSiteFileAsync(SitePaths.EntryPage(before)));

        await site.Publisher.UnpublishEntry(removed);

        foreach (var file in DayFiles.Concat([SitePaths.HourPage(7), SitePaths.EntryPage(before), SitePaths.EntryPage(after), "tags/commute.html"]))
        {
            var content = await site.RequiredSiteFileAsync(file);
            Assert.DoesNotContain("The one taken off", content);
            Assert.DoesNotContain(removed, content);
        }

        Assert.Null(await site.SiteFileAsync(SitePaths.EntryPage(removed)));
        Assert.Null(await site.SiteFileAsync(SitePaths.IiifManifest(removed)));
        Assert.Null(await site.SiteFileAsync("tags/secret.html"));
        Assert.Empty(await NamesAsync(site, $"media/{removed}/"));
        Assert.Contains($"rel=\"next\" href=\"{after}.html\"", await site.RequiredSiteFileAsync(SitePaths.EntryPage(before)));
        Assert.Contains($"rel=\"prev\" href=\"{before}.html\"", await site.RequiredSiteFileAsync(SitePaths.EntryPage(after)));

        // The private indexes keep nothing of it either: not its words (the recent log holds ids
        // and hours only), not a tag only it had; a tag others still have keeps its indexes.
        var indexes = await TimelineIndexesTextAsync(site);
        Assert.DoesNotContain("The one taken off", indexes);
        Assert.DoesNotContain("tags/secret/", indexes);
        Assert.Contains("tags/commute/", indexes);
        Assert.Contains("The one before", indexes);
    }

    [Fact]
    public async Task Entries_link_to_the_one_before_and_after_in_the_day_across_empty_hours()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var early = await site.PublishAsync(await site.AddAsync("Dawn", hour: 5));
        var late = await site.PublishAsync(await site.AddAsync("Dusk", hour: 21));

        var middle = await site.PublishAsync(await site.AddAsync("Noon", hour: 12));

        var page = await site.RequiredSiteFileAsync(SitePaths.EntryPage(middle));
        Assert.Contains($"rel=\"prev\" href=\"{early}.html\"", page);
        Assert.Contains($"rel=\"next\" href=\"{late}.html\"", page);
        Assert.Contains($"rel=\"next\" href=\"{middle}.html\"", await site.RequiredSiteFileAsync(SitePaths.EntryPage(early)));
        Assert.Contains($"rel=\"prev\" href=\"{middle}.html\"", await site.RequiredSiteFileAsync(SitePaths.EntryPage(late)));
    }

    [Fact]
    public async Task A_publish_into_a_busy_hour_rewrites_only_the_pages_of_the_hour_whose_entries_changed()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var full = new List<string>();
        foreach (var entry in await Task.WhenAll(Enumerable.Range(0, HourPaging.EntriesPerPage).Select(i => site.AddAsync($"Market stall {i}", hour: 11, minute: 10 + (i % 40)))))
        {
            full.Add(await site.PublishAsync(entry));
        }

        var firstPage = await EtagAsync(site, SitePaths.HourPage(11));
        Assert.Null(await site.SiteFileAsync(SitePaths.HourPage(11, 2))); // 48 fit on one page

        // The latest of the hour goes on a second page: the first only gains its "next page" link.
        var late = await site.PublishAsync(await site.AddAsync("Packing up the stalls", hour: 11, minute: 58));
        var secondPage = await site.RequiredSiteFileAsync(SitePaths.HourPage(11, 2));
        Assert.Contains($"href=\"../{SitePaths.EntryPage(late)}\"", secondPage);
        Assert.Contains("Page 2: entries 49 to 49", secondPage);
        Assert.Contains("rel=\"next\" href=\"../hours/11-2.html\"", await site.RequiredSiteFileAsync(SitePaths.HourPage(11)));
        firstPage = await EtagAsync(site, SitePaths.HourPage(11));

        // An edit of the last entry's words changes its page alone.
        await site.EditAsync(late, e => e with { Text = "Packing up the last stalls" });
        Assert.Equal(firstPage, await EtagAsync(site, SitePaths.HourPage(11)));
        Assert.Contains("Packing up the last stalls", await site.RequiredSiteFileAsync(SitePaths.EntryPage(late)));

        // Taken off: the second page stays, empty and saying so, so no older writer can bring it back.
        await site.Publisher.UnpublishEntry(late);
        Assert.DoesNotContain(late, await site.RequiredSiteFileAsync(SitePaths.HourPage(11, 2)));
        Assert.Contains("This page is empty now", await site.RequiredSiteFileAsync(SitePaths.HourPage(11, 2)));
        Assert.DoesNotContain("11-2.html", await site.RequiredSiteFileAsync(SitePaths.HourPage(11)));
        var hourPage = await site.RequiredSiteFileAsync(SitePaths.HourPage(11));
        Assert.All(full, id => Assert.Contains($"href=\"../{SitePaths.EntryPage(id)}\"", hourPage));
    }

    [Fact]
    public async Task A_hundred_publishes_at_once_all_reach_every_page_and_file()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var entries = new List<Soliday.Entries.Entry>();
        for (var i = 0; i < 100; i++)
        {
            entries.Add(await site.AddAsync($"Busy hour number {i}", hour: 10 + (i % 3), minute: i % 60, tags: ["#busy"]));
        }

        await Task.WhenAll(entries.Select(e => Task.Run(() => site.PublishAsync(e))));

        var ids = entries.Select(e => e.Id).ToList();
        var day = await site.RequiredSiteFileAsync(SitePaths.DayPage);
        Assert.Equal(100, Enumerable.Range(10, 3).Sum(hour => CountOf(SectionOf(day, hour))));
        var atom = await site.RequiredSiteFileAsync(SitePaths.AtomFeed);
        var jsonFeed = await site.RequiredSiteFileAsync(SitePaths.JsonFeed);
        var hourPages = string.Concat(await Task.WhenAll(Enumerable.Range(10, 3).Select(h => site.RequiredSiteFileAsync(SitePaths.HourPage(h)))));
        // The tag's page shows the first of each hour; its pages for each hour show every one.
        var tagPages = await site.RequiredSiteFileAsync("tags/busy.html") +
            string.Concat(await Task.WhenAll(Enumerable.Range(10, 3).Select(h => site.RequiredSiteFileAsync(SitePaths.TagHourPage("busy", h)))));
        var csv = await site.RequiredSiteFileAsync(SitePaths.Csv);
        var jsonLd = await site.RequiredSiteFileAsync(SitePaths.JsonLd);
        var timeline = await site.RequiredSiteFileAsync(SitePaths.TimelineJs);
        var sitemap = await site.RequiredSiteFileAsync(SitePaths.Sitemap);
        Assert.All(ids, id =>
        {
            Assert.Contains($"href=\"../{SitePaths.EntryPage(id)}\"", hourPages); // each hour holds 33 or 34: one page each
            Assert.Contains(SitePaths.EntryPage(id), atom);
            Assert.Contains(SitePaths.EntryPage(id), jsonFeed);
            Assert.Contains(id, tagPages);
            Assert.Contains(id, csv);
            Assert.Contains(id, jsonLd);
            Assert.Contains(id, timeline);
            Assert.Contains(id, sitemap);
        });
        Assert.Equal(100, JsonNode.Parse(jsonLd)!["@graph"]!.AsArray().Count);
        Assert.Equal(100, JsonNode.Parse(timeline)!["events"]!.AsArray().Count);
        Assert.Equal(100, JsonNode.Parse(jsonFeed)!["items"]!.AsArray().Count);
        Assert.Equal(100, System.Text.RegularExpressions.Regex.Count(atom, "<entry>"));
        var pages = await Task.WhenAll(ids.Select(id => site.SiteFileAsync(SitePaths.EntryPage(id))));
        Assert.All(pages, Assert.NotNull);
    }

    [Fact]
    public async Task The_whole_day_files_stay_valid_JSON_whichever_hours_are_empty()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var first = await site.PublishAsync(await site.AddAsync("Early", hour: 3));
        await site.PublishAsync(await site.AddAsync("Late", hour: 17));
        await site.PublishAsync(await site.AddAsync("Words only", hour: 20, photos: 0));

        await site.Publisher.UnpublishEntry(first);

        foreach (var file in new[] { SitePaths.TimelineJs, SitePaths.IiifCollection, SitePaths.JsonLd, SitePaths.JsonFeed })
        {
            using var parsed = JsonDocument.Parse(await site.RequiredSiteFileAsync(file)); // throws if a comma is wrong
        }

        Assert.Single(JsonNode.Parse(await site.RequiredSiteFileAsync(SitePaths.IiifCollection))!["items"]!.AsArray()); // words have no image
    }

    [Fact]
    public async Task Featuring_a_published_entry_shows_it_among_the_picks_and_remakes_only_its_hours_parts_of_the_day_page()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var quiet = await site.PublishAsync(await site.AddAsync("Cows by the canal", hour: 10, minute: 5));
        var id = await site.PublishAsync(await site.AddAsync("The carnival float", hour: 15, minute: 20));
        Assert.DoesNotContain("class=\"picks\"", await site.RequiredSiteFileAsync(SitePaths.DayPage));
        var blocksBefore = await DayPageBlocksAsync(site);
        var quietHourPage = await EtagAsync(site, SitePaths.HourPage(10));

        await site.EditAsync(id, e => e with { Featured = true });

        var day = await site.RequiredSiteFileAsync(SitePaths.DayPage);
        var picks = day[day.IndexOf("<section class=\"picks\"", StringComparison.Ordinal)..];
        picks = picks[..picks.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"{SitePaths.EntryPage(id)}\"", picks);
        Assert.Contains("The carnival float", picks);
        Assert.DoesNotContain(SitePaths.EntryPage(quiet), picks);
        Assert.Contains("Curators' pick", SectionOf(day, 15));
        Assert.Contains("Curators' pick", await site.RequiredSiteFileAsync(SitePaths.EntryPage(id)));
        Assert.Contains("Curators' pick", await site.RequiredSiteFileAsync(SitePaths.HourPage(15)));

        // Only hour 15's section, its share of the picks and the frame around them were made again.
        var remade = (await DayPageBlocksAsync(site)).Except(blocksBefore).Select(b => b.Part).ToList();
        Assert.Contains("l15", remade);
        Assert.All(remade, part => Assert.True(part is "h15" or "l15" || part.StartsWith('f'), $"{part} was made again"));
        Assert.Equal(quietHourPage, await EtagAsync(site, SitePaths.HourPage(10)));

        await site.EditAsync(id, e => e with { Featured = false });

        day = await site.RequiredSiteFileAsync(SitePaths.DayPage);
        Assert.DoesNotContain("class=\"picks\"", day);
        Assert.DoesNotContain("Curators' pick", day);
        Assert.DoesNotContain("Curators' pick", await site.RequiredSiteFileAsync(SitePaths.EntryPage(id)));
        Assert.Contains($"href=\"{SitePaths.EntryPage(id)}\"", SectionOf(day, 15));
    }

    [Fact]
    public async Task A_day_page_with_picks_in_every_hour_keeps_its_metadata_within_what_Azure_allows()
    {
        // The day page records every part's block in its metadata: 97 parts when all 24 hours have
        // entries and picks. Azure refuses more than 8 KB of metadata; Azurite would take it.
        await using var site = await SiteHarness.StartAsync(azurite);
        foreach (var hour in Enumerable.Range(0, 24))
        {
            var id = await site.PublishAsync(await site.AddAsync($"Hour {hour}", hour: hour, minute: 10));
            await site.EditAsync(id, e => e with { Featured = true });
        }

        var properties = await site.Blobs.GetBlobContainerClient(Soliday.Storage.StorageLayout.Site).GetBlobClient(SitePaths.DayPage).GetPropertiesAsync();
        var bytes = Soliday.Storage.ComposedBlob.MetadataBytes(properties.Value.Metadata);

        // Versions here are single digits; room is left for a busy day's (six digits, 97 parts).
        Assert.True(bytes + (97 * 5) <= Soliday.Storage.ComposedBlob.MaxMetadataBytes, $"The day page's metadata is {bytes} bytes.");
    }

    [Fact]
    public async Task A_post_from_elsewhere_credits_its_author_with_a_link_to_the_post_and_its_open_data_says_in_copyright()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var added = await site.AddAsync("Sunset over the Blythe #Soliday", hour: 20, credit: "Carol (@carol@mastodon.example)");
        var posted = added with
        {
            Licence = Licences.WithPermission.Id,
            SourcePost = new SourcePost("https://mastodon.example/@carol/1", added.ReceivedAt),
        };
        await site.Entries.UpdateAsync(added.Id, _ => posted);

        var id = await site.PublishAsync(posted);

        const string Credit = "<a href=\"https://mastodon.example/@carol/1\" rel=\"ugc nofollow\">Carol (@carol@mastodon.example)</a>";
        foreach (var page in new[] { SitePaths.EntryPage(id), SitePaths.HourPage(20) })
        {
            Assert.Contains(Credit, await site.RequiredSiteFileAsync(page));
        }

        // The day page lists it as a line of text leading to its page, where the credit is (CC BY 4.0
        // allows credit by a link to it); shown with its photo among the curators' picks, it is credited there.
        Assert.Contains($"href=\"{SitePaths.EntryPage(id)}\"", await site.RequiredSiteFileAsync(SitePaths.DayPage));
        await site.EditAsync(id, e => e with { Featured = true });
        Assert.Contains(Credit, await site.RequiredSiteFileAsync(SitePaths.DayPage));

        Assert.Contains("Shown here with the permission of Carol (@carol@mastodon.example), who keeps every right", await site.RequiredSiteFileAsync(SitePaths.EntryPage(id)));
        Assert.Equal(OpenEntry.InCopyright, JsonNode.Parse(await site.RequiredSiteFileAsync(SitePaths.IiifManifest(id)))!["rights"]!.GetValue<string>());
        Assert.Contains(OpenEntry.InCopyright, await site.RequiredSiteFileAsync(SitePaths.JsonLd));
        Assert.Contains(OpenEntry.InCopyright, await site.RequiredSiteFileAsync(SitePaths.Csv));
        Assert.DoesNotContain("creativecommons.org", await site.RequiredSiteFileAsync(SitePaths.IiifManifest(id)));
    }

    /// <summary>The day page's committed blocks, as (part, block id): a part made again gets a new id.</summary>
    private static async Task<List<(string Part, string Id)>> DayPageBlocksAsync(SiteHarness site)
    {
        var blob = site.Blobs.GetBlobContainerClient(Soliday.Storage.StorageLayout.Site).GetBlockBlobClient(SitePaths.DayPage);
        var list = (await blob.GetBlockListAsync(Azure.Storage.Blobs.Models.BlockListTypes.Committed)).Value;
        return [.. list.CommittedBlocks.Select(b => (System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(b.Name))[..Soliday.Storage.ComposedBlob.MaxPartName].TrimEnd('_'), b.Name))];
    }

    /// <summary>Holds a lease on a site file until disposed: nobody else can write or delete it meanwhile.</summary>
    private static async Task<IAsyncDisposable> LeaseAsync(SiteHarness site, string path)
    {
        var lease = site.Blobs.GetBlobContainerClient(Soliday.Storage.StorageLayout.Site).GetBlobClient(path).GetBlobLeaseClient();
        await lease.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);
        return new HeldLease(lease);
    }

    private sealed class HeldLease(BlobLeaseClient lease) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await lease.ReleaseAsync();
    }

    private static async Task<Azure.ETag> EtagAsync(SiteHarness site, string path) =>
        (await site.Blobs.GetBlobContainerClient(Soliday.Storage.StorageLayout.Site).GetBlobClient(path).GetPropertiesAsync()).Value.ETag;

    private static string SectionOf(string dayPage, int hour)
    {
        var start = dayPage.IndexOf($"id=\"h{hour:00}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the day page has no section for {hour:00}:00");
        return dayPage[start..dayPage.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static int CountOf(string section)
    {
        var match = System.Text.RegularExpressions.Regex.Match(section, "class=\"count\">([0-9,]+) entr");
        return match.Success ? int.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Every blob of the private timeline container, name and content.</summary>
    private static async Task<string> TimelineIndexesTextAsync(SiteHarness site)
    {
        var container = site.Blobs.GetBlobContainerClient(Soliday.Storage.StorageLayout.Timeline);
        var text = new System.Text.StringBuilder();
        await foreach (var blob in container.GetBlobsAsync())
        {
            text.AppendLine(blob.Name).AppendLine((await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }

        return text.ToString();
    }

    private static async Task<List<string>> NamesAsync(SiteHarness site, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in site.Blobs.GetBlobContainerClient(Soliday.Storage.StorageLayout.Site).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
