using Azure.Storage.Blobs.Models;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Imaging;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Testing;
using Soliday.Tests.Support;
using Soliday.Workflow;

namespace Soliday.Tests.Workflow;

/// <summary>
/// The workflow's one step from a received entry to the curators' queue, on a real Azurite with real
/// photos from the corpus, called as the orchestration calls it.
/// </summary>
public sealed class PreparationActivitiesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Canon = "EX__jpg_Canon_40D.jpg";
    private const string Iphone = "DN__jpg_Apple_iPhone_4.jpg";

    /// <summary>Declares 65,535 × 65,535 pixels in 68 bytes: refused from its header.</summary>
    private const string PixelBomb = "SYN__png_header_65535x65535_truncated.png";

    [Fact]
    public async Task A_received_entry_of_two_photos_is_prepared_and_offered_in_one_step_with_its_card_on_the_board()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await ReceivedAsync(site, ("real-exif", Canon), ("real-exif", Iphone));

        var result = await site.Get<PreparationActivities>().PrepareAndOffer(new PrepareAndOfferRequest(id));

        Assert.Null(result.Refusal);
        Assert.Equal(id, result.Summary?.SubmissionId);
        Assert.Equal(2, result.Summary?.PhotoCount);
        var record = await site.Entries.GetAsync(id);
        Assert.Equal(EntryState.AwaitingCuration, record.State);
        Assert.All(record.Photos, photo => Assert.NotNull(photo.Facts));
        Assert.All(record.Photos, photo => Assert.NotEmpty(photo.Renditions));
        var stored = await BlobNamesAsync(site, StorageLayout.Renditions, id);
        Assert.Equal(record.Photos.SelectMany(p => p.Renditions).Select(r => r.BlobName).Order(), stored.Order());
        Assert.NotNull(await site.Get<WaitingBoard>().FindAsync(record));
        Assert.Equal(2, (await site.Get<PhotoHashIndex>().ReadAsync()).Count(h => h.SubmissionId == id));
    }

    [Fact]
    public async Task An_entry_with_a_photo_the_gate_refuses_is_not_offered_and_says_why()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await ReceivedAsync(site, ("real-exif", Canon), ("malformed", PixelBomb));

        var result = await site.Get<PreparationActivities>().PrepareAndOffer(new PrepareAndOfferRequest(id));

        Assert.Null(result.Summary);
        Assert.Equal(PhotoRefusal.TooManyPixels(Soliday.Words.SiteWords.English).Code, result.Refusal?.Code);
        var record = await site.Entries.GetAsync(id);
        Assert.Equal(EntryState.Processing, record.State);
        Assert.Null(await site.Get<WaitingBoard>().FindAsync(record));
    }

    [Fact]
    public async Task An_entry_taken_down_before_the_step_ran_is_neither_prepared_nor_offered()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await ReceivedAsync(site, ("real-exif", Canon));
        await site.Entries.UpdateAsync(id, e => e with { State = EntryState.Withdrawn });

        var result = await site.Get<PreparationActivities>().PrepareAndOffer(new PrepareAndOfferRequest(id));

        Assert.Null(result.Summary);
        Assert.Null(result.Refusal);
        Assert.Empty(await BlobNamesAsync(site, StorageLayout.Renditions, id));
        Assert.Equal(EntryState.Withdrawn, (await site.Entries.GetAsync(id)).State);
        Assert.DoesNotContain(await site.Get<PhotoHashIndex>().ReadAsync(), h => h.SubmissionId == id);
    }

    /// <summary>
    /// The step's parts in its order, with a take-down landing between the renditions' writes and the
    /// offer, after the take-down had removed the entry's renditions: the offer sees it and the
    /// renditions written since go too, with no read of the record per photo.
    /// </summary>
    [Fact]
    public async Task Renditions_written_after_a_take_down_are_removed_when_the_offer_sees_it()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await ReceivedAsync(site, ("real-exif", Canon), ("real-exif", Iphone));
        var preparation = site.Get<PhotoPreparation>();
        var begun = await site.Get<SubmissionSteps>().BeginProcessingAsync(id);
        var photos = await Task.WhenAll(begun.Entry.Photos.Select(photo => preparation.PrepareBeforeOfferAsync(begun.Entry, photo.Index)));
        Assert.Equal(photos.Sum(p => p.Renditions.Count), (await BlobNamesAsync(site, StorageLayout.Renditions, id)).Count);

        await site.Entries.UpdateAsync(id, e => e with { State = EntryState.Withdrawn });
        var summary = await site.Get<CurationSteps>().OfferAsync(begun, photos);
        await preparation.RemoveAsync(photos);

        Assert.Null(summary);
        Assert.Empty(await BlobNamesAsync(site, StorageLayout.Renditions, id));
        Assert.DoesNotContain(await site.Get<PhotoHashIndex>().ReadAsync(), h => h.SubmissionId == id);
        Assert.Equal(EntryState.Withdrawn, (await site.Entries.GetAsync(id)).State);
        Assert.Null(await site.Get<WaitingBoard>().FindAsync(await site.Entries.GetAsync(id)));
    }

    [Fact]
    public async Task The_step_run_again_after_it_succeeded_leaves_the_entry_offered_once_as_it_was()
    {
        await using var site = await SiteHarness.StartAsync(azurite);
        var id = await ReceivedAsync(site, ("real-exif", Canon));
        var activities = site.Get<PreparationActivities>();
        var first = await activities.PrepareAndOffer(new PrepareAndOfferRequest(id));

        var again = await activities.PrepareAndOffer(new PrepareAndOfferRequest(id));

        Assert.Equal(first.Summary?.SubmissionId, again.Summary?.SubmissionId);
        Assert.Equal(EntryState.AwaitingCuration, (await site.Entries.GetAsync(id)).State);
        Assert.Equal((await site.Entries.GetAsync(id)).Photos[0].Renditions.Count, (await BlobNamesAsync(site, StorageLayout.Renditions, id)).Count);
    }

    /// <summary>An entry as the intake leaves it: its originals uploaded, its record received.</summary>
    private static async Task<string> ReceivedAsync(SiteHarness site, params (string Folder, string Name)[] photos)
    {
        var id = SubmissionId.New();
        var uploads = site.Blobs.GetBlobContainerClient(StorageLayout.Uploads);
        for (var i = 0; i < photos.Length; i++)
        {
            await uploads.GetBlobClient(StorageLayout.Original(id, i)).UploadAsync(BinaryData.FromBytes(Corpus.Read(photos[i].Folder, photos[i].Name)));
        }

        await site.Entries.CreateAsync(new Entry
        {
            Id = id,
            State = EntryState.Received,
            Text = "Morning swim at the lido",
            Credit = "Priya from Shirley",
            Licence = Licences.CcBy.Id,
            Source = SubmissionSources.Form,
            ReceivedAt = DateTimeOffset.UtcNow,
            Photos = [.. photos.Select((_, index) => new EntryPhoto { Index = index, Alt = $"Photo {index + 1} at the lido", ContentType = "image/jpeg" })],
        });
        return id;
    }

    private static async Task<List<string>> BlobNamesAsync(SiteHarness site, string container, string id)
    {
        var names = new List<string>();
        await foreach (var blob in site.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = StorageLayout.EntryFolder(id) }))
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
