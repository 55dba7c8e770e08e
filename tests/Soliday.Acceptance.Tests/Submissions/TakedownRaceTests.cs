using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Soliday.Acceptance.Tests.Support;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Testing;
using Soliday.Workflow;

namespace Soliday.Acceptance.Tests.Submissions;

/// <summary>
/// A take-down terminates the workflow, but a step already running goes on: these call the steps
/// as the workflow would, after the take-down's mark, on the host's real storage.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed class TakedownRaceTests(SharedHost shared) : IDisposable
{
    private readonly ServiceProvider _services = SolidayServices.For(shared.Host);

    private SolidayHost Host => shared.Host;

    [Fact]
    public async Task A_photo_prepared_after_the_take_down_leaves_no_renditions()
    {
        var (id, takedownUrl) = await WaitingEntryAsync();
        await TakeDownMidwayAsync(id); // the mark is set and the renditions deleted; the original is not gone yet

        var result = await _services.GetRequiredService<ImagingActivities>().PreparePhoto(new PreparePhotoRequest(id, 0));

        Assert.Empty(result.Renditions);
        Assert.Empty(await Host.BlobNamesAsync(StorageLayout.Renditions, $"{id}/"));
        await FinishTakedownAsync(takedownUrl);
    }

    [Fact]
    public async Task An_entry_taken_down_before_it_is_offered_is_not_offered_and_its_hashes_are_forgotten()
    {
        var (id, takedownUrl) = await WaitingEntryAsync();
        var photos = (await _services.GetRequiredService<EntryStore>().GetAsync(id)).Photos
            .Select(p => new PreparePhotoResult(p.Index, p.Facts, p.Renditions, null)).ToList();
        await TakeDownMidwayAsync(id);

        var offered = await _services.GetRequiredService<CurationActivities>().OfferForCuration(new OfferForCurationRequest(id, photos));

        Assert.True(offered.Withdrawn);
        Assert.Null(offered.Summary);
        Assert.Equal(EntryState.Withdrawn, (await _services.GetRequiredService<EntryStore>().GetAsync(id)).State);
        Assert.DoesNotContain(await _services.GetRequiredService<PhotoHashIndex>().ReadAsync(), h => h.SubmissionId == id);
        await FinishTakedownAsync(takedownUrl);
    }

    public void Dispose() => _services.Dispose();

    private async Task<(string Id, string TakedownUrl)> WaitingEntryAsync()
    {
        using var response = await Host.Http.PostAsync("/api/submissions", new SubmissionBuilder().WithPhotoBytes(UniquePhoto.Jpeg()).Build());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var id = body["id"]!.GetValue<string>();
        await Host.Curator.WaitForQueueAsync(id);
        return (id, body["takedownUrl"]!.GetValue<string>());
    }

    /// <summary>The first steps of <see cref="EntryErasure"/>: the mark, then the renditions deleted.</summary>
    private async Task TakeDownMidwayAsync(string id)
    {
        await _services.GetRequiredService<EntryStore>().UpdateAsync(id, e => e with { State = EntryState.Withdrawn, WithdrawnAt = DateTimeOffset.UtcNow });
        await Host.Blobs.DeleteAsync(StorageLayout.Renditions, StorageLayout.EntryFolder(id));
    }

    /// <summary>The rest of the take-down, so no workflow of these tests is left waiting.</summary>
    private Task FinishTakedownAsync(string takedownUrl) => Host.Http.TakeDownAsync(takedownUrl);
}
