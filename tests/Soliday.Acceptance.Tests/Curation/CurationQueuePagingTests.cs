using System.Net;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Curation;

/// <summary>The board read from its index a page at a time: a host of its own, for an exact count.</summary>
public sealed class CurationQueuePagingTests
{
    private const int Waiting = 120;
    private const int PageSize = 50;

    [Fact]
    public async Task A_hundred_and_twenty_waiting_entries_come_in_three_pages_each_once_oldest_first_and_leave_when_decided_or_erased()
    {
        await using var host = await SolidayHost.StartAsync();
        var ids = new List<string>();
        foreach (var batch in Enumerable.Range(0, Waiting).Chunk(10))
        {
            ids.AddRange(await Task.WhenAll(batch.Select(i => host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", $"Waiting entry number {i}")))));
        }

        foreach (var id in ids)
        {
            await host.Http.WaitForStatusAsync(id, "awaiting-curation");
        }

        await SolidayApi.EventuallyAsync(async () => (await host.Curator.QueueAsync()).Count == Waiting, "all 120 entries on the board");

        var pages = await host.Curator.QueuePagesAsync();

        Assert.Equal([PageSize, PageSize, Waiting - (2 * PageSize)], pages.Select(p => p.Count));
        var listed = pages.SelectMany(p => p).Select(item => item!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Order(), listed.Order()); // none lost, none twice
        var arrivals = pages.SelectMany(p => p).Select(item => item!["receivedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(arrivals.Order(), arrivals); // oldest arrival first, across the pages

        // Newest first pages the same entries the other way round; the counts say 120 waiting, 120 arrived.
        var newest = await host.Curator.QueuePagesAsync("order=newest");
        Assert.Equal([PageSize, PageSize, Waiting - (2 * PageSize)], newest.Select(p => p.Count));
        // Two entries may arrive in the same millisecond; either way the id breaks the tie, so compare arrivals, not ids.
        var newestListed = newest.SelectMany(p => p).ToList();
        Assert.Equal(ids.Order(), newestListed.Select(item => item!["id"]!.GetValue<string>()).Order());
        var newestArrivals = newestListed.Select(item => item!["receivedAt"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(newestArrivals.OrderDescending(), newestArrivals);
        var counts = await CountsAsync(host);
        Assert.Equal((Waiting, Waiting, 0), (counts["waiting"]!.GetValue<int>(), counts["arrived"]!.GetValue<int>(), counts["approved"]!.GetValue<int>()));

        // The curation page pages the same way: its "next" link leads to the entries page one did not show.
        var firstPage = await host.Curator.CurationPageAsync();
        Assert.Contains("rel=\"next\"", firstPage);
        Assert.Contains($"id=\"c-{listed[0]}\"", firstPage);
        Assert.DoesNotContain($"id=\"c-{listed[PageSize]}\"", firstPage);
        Assert.NotEmpty(await host.Curator.CurationCardAsync(listed[PageSize]));

        // Decided and erased entries leave the index: the queue no longer lists them and nothing of the erased one is stored there.
        var approved = listed[0];
        var removed = listed[1];
        Assert.Equal(HttpStatusCode.Accepted, (await host.Curator.ApproveAsync(approved)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await host.Curator.RemoveAsync(removed, "Posted twice by mistake.")).StatusCode);

        var after = (await host.Curator.QueuePagesAsync()).SelectMany(p => p).Select(item => item!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(Waiting - 2, after.Count);
        Assert.DoesNotContain(approved, after);
        Assert.DoesNotContain(removed, after);
        var cards = await host.BlobNamesAsync("curation", "board/waiting/");
        Assert.Equal(Waiting - 2, cards.Count);
        Assert.DoesNotContain(cards, name => name.Contains(removed, StringComparison.Ordinal) || name.Contains(approved, StringComparison.Ordinal));
        Assert.Equal(Waiting - 2, (await host.BlobNamesAsync("curation", "board/waiting-newest/")).Count);
        counts = await CountsAsync(host);
        Assert.Equal((Waiting - 2, Waiting, 1), (counts["waiting"]!.GetValue<int>(), counts["arrived"]!.GetValue<int>(), counts["approved"]!.GetValue<int>()));
        Assert.Equal([approved], await host.Curator.QueueIdsAsync("state=decided"));
        var scan = await StorageScan.TakeAsync(host);
        Assert.DoesNotContain(scan.PlacesHolding(removed), place => place.Contains("board/waiting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entries_that_waited_before_the_index_existed_are_on_the_board_after_an_upgrade()
    {
        await using var host = await SolidayHost.StartAsync();
        var ids = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => host.Http.SubmitAsync(new SubmissionBuilder().WithoutPhoto().With("caption", $"Waiting since before the upgrade {i}"))));
        // Waiting as the durable engine says (each workflow's status), which the fill reads: its record says so a moment earlier.
        await SolidayApi.EventuallyAsync(
            async () => (await host.Curator.QueuePagesAsync("state=all")).SelectMany(p => p).Count(item => item!["state"]!.GetValue<string>() == "awaiting-curation") == ids.Length,
            "the three workflows waiting for a curator");

        // As the data of a version before the index: no cards and no mark that they were filled in;
        // then the new version starts on it.
        var curation = host.Blobs.GetBlobContainerClient("curation");
        foreach (var name in await host.BlobNamesAsync("curation", "board/"))
        {
            await curation.DeleteBlobAsync(name);
        }

        await host.KillAsync();
        await host.RestartAsync();
        var listed = await host.Curator.QueueIdsAsync("");

        Assert.Equal(ids.Order(), listed.Order());
        Assert.Equal(ids.Length, (await host.BlobNamesAsync("curation", "board/waiting/")).Count);
        Assert.Contains("board/waiting-index-filled.json", await host.BlobNamesAsync("curation", "board/"));
    }

    [Fact]
    public async Task A_continuation_the_queue_never_handed_out_is_refused_in_words()
    {
        await using var host = await SolidayHost.StartAsync();

        using var response = await host.Curator.GetAsync($"/api/curation/queue?continuation={new string('x', 2000)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("bad-continuation", (await response.ProblemAsync())["code"]!.GetValue<string>());
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> CountsAsync(SolidayHost host)
    {
        using var response = await host.Curator.GetAsync("/api/curation/counts");
        response.EnsureSuccessStatusCode();
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
