using Soliday.Entries;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Tests.Support;

namespace Soliday.Tests.Storage;

/// <summary>
/// Updates from a version the caller already holds: written only while the record is still that
/// version, and otherwise applied to the latest, so nobody's change is lost for the read it saves.
/// </summary>
public sealed class EntryStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_update_from_the_version_it_wrote_lands_and_returns_the_next_version()
    {
        await azurite.ResetAsync();
        var store = new EntryStore(azurite.Blobs);
        await store.CreateAsync(Received("a1"));
        var begun = await store.UpdateFromAsync("a1", known: null, e => e with { State = EntryState.Processing });

        var offered = await store.UpdateFromAsync("a1", begun, e => e with { State = EntryState.AwaitingCuration, Text = "Offered" });

        Assert.NotEqual(begun.Version, offered.Version);
        var stored = await store.GetStoredAsync("a1");
        Assert.Equal(offered.Version, stored.Version);
        Assert.Equal(EntryState.AwaitingCuration, stored.Entry.State);
        Assert.Equal("Offered", stored.Entry.Text);
    }

    [Fact]
    public async Task An_update_from_a_version_someone_changed_since_is_applied_to_their_change()
    {
        await azurite.ResetAsync();
        var store = new EntryStore(azurite.Blobs);
        await store.CreateAsync(Received("b2"));
        var begun = await store.UpdateFromAsync("b2", known: null, e => e with { State = EntryState.Processing });
        await store.UpdateAsync("b2", e => e with { State = EntryState.Withdrawn }); // the resident takes it down meanwhile

        var seen = new List<EntryState>();
        var offered = await store.UpdateFromAsync("b2", begun, e =>
        {
            seen.Add(e.State);
            return e.State == EntryState.Processing ? e with { State = EntryState.AwaitingCuration } : e;
        });

        Assert.Equal([EntryState.Processing, EntryState.Withdrawn], seen);
        Assert.Equal(EntryState.Withdrawn, offered.Entry.State);
        Assert.Equal(EntryState.Withdrawn, (await store.GetAsync("b2")).State);
    }

    private static Entry Received(string id) => new()
    {
        Id = id,
        State = EntryState.Received,
        Text = "Coffee at the market before it got busy",
        Photos = [],
        Credit = "Sam",
        Licence = "CC-BY-4.0",
        Source = SubmissionSources.Form,
        ReceivedAt = new DateTimeOffset(2026, 5, 12, 7, 30, 0, TimeSpan.Zero),
    };
}
