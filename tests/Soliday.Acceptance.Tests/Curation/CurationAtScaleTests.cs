using System.Net;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Soliday.Acceptance.Tests.Support;
using Soliday.Entries;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary>Each test here has a host of its own: an exact count, or timings set short.</summary>
public sealed partial class CurationAtScaleTests
{
    [Fact]
    public async Task A_hundred_approvals_sent_at_once_are_all_published_once()
    {
        await using var host = await SolidayHost.StartAsync();
        var ids = new List<string>();
        foreach (var batch in Enumerable.Range(0, 100).Chunk(10))
        {
            ids.AddRange(await Task.WhenAll(batch.Select(i => host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", $"Entry number {i} of a busy hour")))));
        }

        foreach (var id in ids)
        {
            await host.Curator.WaitForQueueAsync(id);
        }

        var approvals = await Task.WhenAll(ids.Select(id => host.Curator.ApproveAsync(id)));
        Assert.All(approvals, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));

        foreach (var id in ids)
        {
            await host.Http.WaitForStatusAsync(id, "published");
        }

        // Each entry is on its page, on a page of its hour that the day page links (two clicks from
        // the day), in both feeds, in the open data and the sitemap; the day page counts all of them
        // and shows a bounded row of them per hour.
        var day = await host.Http.DayPageAsync();
        Assert.Equal(100, HourCount().Matches(day).Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var tilesPerHour = Regex.Matches(day, "<section class=\"hour\"[\\s\\S]*?</section>").Select(section => DayPageTile().Count(section.Value)).ToList();
        Assert.All(tilesPerHour, count => Assert.InRange(count, 1, 6));
        var hourPages = DayPageHourLink().Matches(day).Select(m => m.Groups[1].Value).Distinct().ToList();
        var onHourPages = (await Task.WhenAll(hourPages.Select(path => host.Http.SiteFileAsync(path))))
            .SelectMany(page => HourPageTile().Matches(page).Select(m => m.Groups[1].Value)).ToList();
        Assert.Equal(ids.Order(), onHourPages.Order()); // each once: the pages do not overlap
        foreach (var file in new[] { "data/entries.csv", "data/entries.jsonld", "timeline.json", "sitemap.xml" })
        {
            var content = await host.Http.SiteFileAsync(file);
            Assert.All(ids, id => Assert.Contains(id, content));
        }

        Assert.Equal(100, System.Text.Json.Nodes.JsonNode.Parse(await host.Http.SiteFileAsync("data/entries.jsonld"))!["@graph"]!.AsArray().Count);
        var feed = System.Text.Json.Nodes.JsonNode.Parse(await host.Http.SiteFileAsync("feed.json"))!["items"]!.AsArray();
        Assert.Equal(ids.Order(), feed.Select(item => EntryUrl().Match(item!["url"]!.GetValue<string>()).Groups[1].Value).Order());
        var atom = System.Xml.Linq.XDocument.Parse(await host.Http.SiteFileAsync("feed.atom"));
        var atomLinks = atom.Descendants(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom"))
            .Select(e => EntryUrl().Match(e.Elements(System.Xml.Linq.XName.Get("link", "http://www.w3.org/2005/Atom")).Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value).Groups[1].Value);
        Assert.Equal(ids.Order(), atomLinks.Order());
        var pages = await Task.WhenAll(ids.Select(id => host.Http.SiteHasAsync($"entries/{id}.html")));
        Assert.All(pages, Assert.True);
    }

    [Fact]
    public async Task An_entry_waiting_too_long_is_listed_overdue_and_curators_are_reminded()
    {
        await using var host = await SolidayHost.StartAsync(new() { ["Curation__ReminderAfter"] = "00:00:02" });
        var id = await host.Http.SubmitAsync(new SubmissionBuilder().With("caption", "Waiting for a while"));

        await SolidayApi.EventuallyAsync(
            async () => (await host.Curator.WaitForQueueAsync(id))["flags"]!.AsArray().Any(f => f!["code"]!.GetValue<string>() == "overdue"),
            "the entry is listed as overdue");

        var reminders = new QueueClient(host.QueueConnectionString, "curator-reminders", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var message = Assert.Single((await reminders.PeekMessagesAsync(10)).Value);
        Assert.Contains(id, message.Body.ToString());
        Assert.DoesNotContain("Waiting for a while", message.Body.ToString()); // nothing a take-down would have to chase
        using var approval = await host.Curator.ApproveAsync(id); // still decidable after the reminder
        await host.Http.WaitForStatusAsync(id, "published");
    }

    /// <summary>An entry's tile on an hour page.</summary>
    [GeneratedRegex("<li class=\"tile[^\"]*\"><a href=\"\\.\\./entries/([0-9a-f]{32})\\.html\">")]
    private static partial Regex HourPageTile();

    /// <summary>An entry's tile in its hour's section of the day page.</summary>
    [GeneratedRegex("<li class=\"tile[^\"]*\"><a href=\"entries/([0-9a-f]{32})\\.html\">")]
    private static partial Regex DayPageTile();

    /// <summary>A link from the day page to a page of an hour.</summary>
    [GeneratedRegex("href=\"(hours/[0-9]{2}(?:-[0-9]+)?\\.html)\"")]
    private static partial Regex DayPageHourLink();

    /// <summary>An entry page's address, in a feed.</summary>
    [GeneratedRegex("/entries/([0-9a-f]{32})\\.html$")]
    private static partial Regex EntryUrl();

    /// <summary>An hour's count in its section heading on the day page.</summary>
    [GeneratedRegex("<h2 id=\"h[0-9]{2}-title\">[^<]*<span class=\"count\">([0-9,]+) entr")]
    private static partial Regex HourCount();
}
