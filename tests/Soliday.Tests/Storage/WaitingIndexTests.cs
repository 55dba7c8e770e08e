using Soliday.Storage;
using Soliday.Tests.Support;

namespace Soliday.Tests.Storage;

/// <summary>The board's index of waiting entries: pages in arrival order (oldest or newest first), each entry once, counted once, and a removed entry leaves nothing behind.</summary>
public sealed class WaitingIndexTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Morning = new(2026, 5, 12, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pages_list_every_waiting_entry_once_oldest_arrival_first()
    {
        await azurite.ResetAsync();
        var index = NewIndex();
        // Written out of order: the listing, not the writing, decides the order.
        var arrivals = Enumerable.Range(0, 7).Select(i => (Id: $"entry-{i}", At: Morning.AddMinutes(i))).Reverse().ToList();
        foreach (var (id, at) in arrivals)
        {
            await index.PutAsync(id, at, BinaryData.FromString($"\"{id}\""), ["hour:06"]);
        }

        var read = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = await index.ReadPageAsync(continuation, pageSize: 3);
            Assert.NotNull(page);
            read.AddRange(page.Cards.Select(c => c.ToObjectFromJson<string>()!));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"entry-{i}"), read);
    }

    [Fact]
    public async Task A_removed_entry_leaves_no_card_in_storage()
    {
        await azurite.ResetAsync();
        var index = NewIndex();
        await index.PutAsync("kept", Morning, BinaryData.FromString("\"kept\""), []);
        await index.PutAsync("erased", Morning.AddSeconds(1), BinaryData.FromString("\"a resident's words\""), []);

        await index.RemoveAsync("erased", Morning.AddSeconds(1));
        await index.RemoveAsync("never-indexed", Morning); // nothing to remove: no error

        var page = await index.ReadPageAsync(null);
        Assert.Equal(["kept"], page!.Cards.Select(c => c.ToObjectFromJson<string>()));
        var stored = new List<string>();
        await foreach (var blob in azurite.Blobs.GetBlobContainerClient(StorageLayout.Curation).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, StorageLayout.WaitingFolder, CancellationToken.None))
        {
            stored.Add(blob.Name);
        }

        Assert.DoesNotContain(stored, name => name.Contains("erased", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writing_a_card_again_replaces_it_instead_of_listing_the_entry_twice()
    {
        await azurite.ResetAsync();
        var index = NewIndex();

        await index.PutAsync("edited", Morning, BinaryData.FromString("\"before\""), []);
        await index.PutAsync("edited", Morning, BinaryData.FromString("\"after\""), []);

        var page = await index.ReadPageAsync(null);
        Assert.Equal(["after"], page!.Cards.Select(c => c.ToObjectFromJson<string>()));
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task An_empty_board_reads_as_one_empty_last_page()
    {
        await azurite.ResetAsync();

        var page = await NewIndex().ReadPageAsync(null);

        Assert.Empty(page!.Cards);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task Newest_first_pages_list_every_waiting_entry_once_newest_arrival_first()
    {
        await azurite.ResetAsync();
        var index = NewIndex();
        foreach (var i in new[] { 3, 0, 6, 1, 5, 2, 4 })
        {
            await index.PutAsync($"entry-{i}", Morning.AddMinutes(i), BinaryData.FromString($"\"entry-{i}\""), []);
        }

        await index.RemoveAsync("entry-5", Morning.AddMinutes(5));

        var read = new List<string>();
        string? continuation = null;
        do
        {
            var page = await index.ReadPageAsync(continuation, pageSize: 2, newestFirst: true);
            Assert.NotNull(page);
            read.AddRange(page.Cards.Select(c => c.ToObjectFromJson<string>()!));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(["entry-6", "entry-4", "entry-3", "entry-2", "entry-1", "entry-0"], read);
    }

    [Fact]
    public async Task The_counts_follow_the_cards_and_count_a_card_written_again_once()
    {
        await azurite.ResetAsync();
        var index = NewIndex();
        var counts = new BoardCountsBlob(azurite.Blobs);

        await index.PutAsync("a", Morning, BinaryData.FromString("\"a\""), ["hour:07", "source:form", "flag:duplicate"]);
        await index.PutAsync("b", Morning.AddMinutes(1), BinaryData.FromString("\"b\""), ["hour:07", "source:mastodon"]);
        await index.PutAsync("a", Morning, BinaryData.FromString("\"a, redelivered\""), ["hour:07", "source:form", "flag:duplicate"]);
        await index.PutAsync("b", Morning.AddMinutes(1), BinaryData.FromString("\"b, edited\""), ["hour:07", "source:mastodon", "flag:overdue"]);

        var both = await counts.ReadAsync();
        Assert.Equal(2, both.Waiting);
        Assert.Equal(2, both.Arrived);
        Assert.Equal(2, both.TallyOf("hour:07"));
        Assert.Equal(1, both.TallyOf("flag:duplicate"));
        Assert.Equal(1, both.TallyOf("flag:overdue"));

        await index.RemoveAsync("a", Morning);
        await index.RemoveAsync("a", Morning); // a redelivered removal takes nothing off twice

        var one = await counts.ReadAsync();
        Assert.Equal(1, one.Waiting);
        Assert.Equal(2, one.Arrived); // arrivals only go up: the page counts what came since it opened
        Assert.Equal(1, one.TallyOf("hour:07"));
        Assert.False(one.Tallies.ContainsKey("flag:duplicate"));
        Assert.False(one.Tallies.ContainsKey("source:form"));
    }

    [Fact]
    public async Task Cards_put_and_taken_off_at_once_leave_the_counts_as_the_board_stands()
    {
        await azurite.ResetAsync();
        var index = NewIndex();
        var ids = Enumerable.Range(0, 24).Select(i => $"busy-{i}").ToList();

        await Task.WhenAll(ids.Select((id, i) => index.PutAsync(id, Morning.AddSeconds(i), BinaryData.FromString($"\"{id}\""), [$"hour:{i % 3:00}"])));
        await Task.WhenAll(ids.Where((_, i) => i % 2 == 0).Select(id => index.RemoveAsync(id, Morning.AddSeconds(ids.IndexOf(id)))));

        var counts = await new BoardCountsBlob(azurite.Blobs).ReadAsync();
        var listed = (await index.ReadPageAsync(null, pageSize: 100))!.Cards.Count;
        Assert.Equal(12, listed);
        Assert.Equal(listed, counts.Waiting);
        Assert.Equal(24, counts.Arrived);
        Assert.Equal(12, Enumerable.Range(0, 3).Sum(h => counts.TallyOf($"hour:{h:00}")));
    }

    [Fact]
    public async Task Two_processes_counting_the_same_shards_in_turn_lose_none_of_each_others_counts()
    {
        await azurite.ResetAsync();
        // Each process remembers what it wrote last and starts its next change from that: the other's writes in between must still count.
        var first = new WaitingIndex(azurite.Blobs, new BoardCountsBlob(azurite.Blobs));
        var second = new WaitingIndex(azurite.Blobs, new BoardCountsBlob(azurite.Blobs));
        var ids = Enumerable.Range(0, 3 * BoardCountsBlob.Shards).Select(i => $"turn-{i}").ToList();

        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await (i % 2 == 0 ? first : second).PutAsync(id, Morning.AddSeconds(i), BinaryData.FromString($"\"{id}\""), ["hour:06"]);
        }

        foreach (var (id, i) in ids.Select((id, i) => (id, i)).Where(pair => pair.i % 3 == 0))
        {
            await (i % 2 == 0 ? second : first).RemoveAsync(id, Morning.AddSeconds(i));
        }

        var counts = await new BoardCountsBlob(azurite.Blobs).ReadAsync();
        Assert.Equal(ids.Count, counts.Arrived);
        Assert.Equal(ids.Count - BoardCountsBlob.Shards, counts.Waiting);
        Assert.Equal(ids.Count - BoardCountsBlob.Shards, counts.TallyOf("hour:06"));
    }

    [Fact]
    public async Task Entries_waiting_since_before_a_time_are_counted_from_the_cards_names_with_the_longest_wait()
    {
        await azurite.ResetAsync();
        var index = NewIndex();
        foreach (var minutes in new[] { 40, 5, 90, 31 })
        {
            await index.PutAsync($"waited-{minutes}", Morning.AddMinutes(-minutes), BinaryData.FromString("\"card\""), []);
        }

        var (count, oldest) = await index.WaitingSinceAsync(Morning.AddMinutes(-30));
        var (none, noOldest) = await index.WaitingSinceAsync(Morning.AddMinutes(-120));

        Assert.Equal(3, count); // 90, 40 and 31 minutes; not the one of 5
        Assert.Equal(Morning.AddMinutes(-90), oldest);
        Assert.Equal(0, none);
        Assert.Null(noOldest);
    }

    [Fact]
    public async Task A_decision_is_listed_newest_first_and_counted_once()
    {
        await azurite.ResetAsync();
        var decided = new DecidedIndex(azurite.Blobs, new BoardCountsBlob(azurite.Blobs));

        await decided.RecordAsync("first", Morning, "approve", BinaryData.FromString("\"first\""));
        await decided.RecordAsync("second", Morning.AddMinutes(1), "reject", BinaryData.FromString("\"second\""));
        await decided.RecordAsync("first", Morning, "approve", BinaryData.FromString("\"first\"")); // the same decision again

        var page = await decided.ReadPageAsync(null, pageSize: 10);
        Assert.Equal(["second", "first"], page!.Notes.Select(n => n.ToObjectFromJson<string>()));
        var counts = await new BoardCountsBlob(azurite.Blobs).ReadAsync();
        Assert.Equal(1, counts.DecidedOf("approve"));
        Assert.Equal(1, counts.DecidedOf("reject"));
    }

    private WaitingIndex NewIndex() => new(azurite.Blobs, new BoardCountsBlob(azurite.Blobs));
}
