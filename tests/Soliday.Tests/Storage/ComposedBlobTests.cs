using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Soliday.Storage;
using Soliday.Tests.Support;

namespace Soliday.Tests.Storage;

/// <summary>A blob of named parts, each changed alone, in real Azurite.</summary>
public sealed class ComposedBlobTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] Order = ["head", "a", "b", "c", "foot"];

    private static readonly BlobHttpHeaders Text = new() { ContentType = "text/plain; charset=utf-8" };

    [Fact]
    public async Task The_parts_read_back_as_one_file_in_their_order()
    {
        var (blob, composed) = await NewAsync();

        await composed.UpdateAsync(Order, _ => Change(("head", "<"), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ">")));

        Assert.Equal("<ABC>", await ReadAsync(blob));
    }

    [Fact]
    public async Task Changing_one_part_leaves_the_other_blocks_as_they_were()
    {
        var (blob, composed) = await NewAsync();
        await composed.UpdateAsync(Order, _ => Change(("head", "<"), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ">")));
        var before = await CommittedAsync(blob);

        await composed.UpdateAsync(Order, _ => Change(("b", "Bee")));

        var after = await CommittedAsync(blob);
        Assert.Equal("<ABeeC>", await ReadAsync(blob));
        Assert.Equal(before.Where((_, i) => i != 2), after.Where((_, i) => i != 2));
        Assert.NotEqual(before[2], after[2]);
        Assert.Single(after.Select(id => id.Length).Distinct()); // Azure wants every block id of a blob the same length
    }

    [Fact]
    public async Task An_empty_part_is_left_out_and_can_come_back()
    {
        var (blob, composed) = await NewAsync();
        await composed.UpdateAsync(Order, _ => Change(("head", "<"), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ">")));

        await composed.UpdateAsync(Order, _ => Change(("a", "")));
        Assert.Equal("<BC>", await ReadAsync(blob));

        await composed.UpdateAsync(Order, _ => Change(("a", "again ")));
        Assert.Equal("<again BC>", await ReadAsync(blob));
    }

    [Fact]
    public async Task A_part_made_from_an_older_source_is_not_written_over_a_newer_one()
    {
        var (blob, composed) = await NewAsync();
        await composed.UpdateAsync(Order, _ => Change(("head", "<"), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ">")));
        await composed.UpdateAsync(Order, state => OnlyIfNewer(state, "b", "B7", version: 7));

        var wrote = await composed.UpdateAsync(Order, state => OnlyIfNewer(state, "b", "B5", version: 5));

        Assert.False(wrote);
        Assert.Equal("<AB7C>", await ReadAsync(blob));
    }

    [Fact]
    public async Task Twenty_writers_at_once_each_changing_its_own_part_lose_nothing()
    {
        var order = new[] { "head" }.Concat(Enumerable.Range(0, 20).Select(i => $"p{i:00}")).ToArray();
        var (blob, composed) = await NewAsync();
        await composed.UpdateAsync(order, _ => Change([("head", "#"), .. Enumerable.Range(0, 20).Select(i => ($"p{i:00}", ""))]));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            new ComposedBlob(blob, Text, "test").UpdateAsync(order, _ => Change(($"p{i:00}", $"[{i}]"))))));

        Assert.Equal("#" + string.Concat(Enumerable.Range(0, 20).Select(i => $"[{i}]")), await ReadAsync(blob));
    }

    [Fact]
    public async Task A_record_naming_a_block_that_is_gone_is_repaired_by_making_every_part_again()
    {
        var (blob, composed) = await NewAsync();
        await composed.UpdateAsync(Order, _ => Change(("head", "<"), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ">")));
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        metadata["p_c"] = "0." + ComposedBlob.BlockId("c", BinaryData.FromString("never staged"));
        await blob.SetMetadataAsync(metadata);

        // Azure answers 400 InvalidBlockList; the writer then makes every part, as it would for a new blob.
        await composed.UpdateAsync(Order, state => state.Has("head")
            ? Change(("a", "A2"))
            : Change(("head", "<"), ("a", "A2"), ("b", "B"), ("c", "C"), ("foot", ">")));

        Assert.Equal("<A2BC>", await ReadAsync(blob));
    }

    [Fact]
    public async Task A_new_layout_makes_the_whole_blob_again()
    {
        var (blob, composed) = await NewAsync();
        await composed.UpdateAsync(Order, _ => Change(("head", "<"), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ">")));
        var missingParts = 0;

        await new ComposedBlob(blob, Text, "test-2").UpdateAsync(Order, state =>
        {
            missingParts = Order.Count(p => !state.Has(p));
            return Change(("head", "("), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ")"));
        });

        Assert.Equal(Order.Length, missingParts);
        Assert.Equal("(ABC)", await ReadAsync(blob));
    }

    [Fact]
    public async Task Deleting_removes_the_blob()
    {
        var (blob, composed) = await NewAsync();
        await composed.UpdateAsync(Order, _ => Change(("head", "<"), ("a", "A"), ("b", "B"), ("c", "C"), ("foot", ">")));

        await composed.UpdateAsync(Order, _ => Task.FromResult<ComposedChange?>(ComposedChange.Deletion));

        Assert.False(await blob.ExistsAsync());
    }

    private static Task<ComposedChange?> Change(params (string Name, string Content)[] parts) =>
        Task.FromResult<ComposedChange?>(new ComposedChange([.. parts.Select(p => new BlobPart(p.Name, BinaryData.FromString(p.Content)))]));

    private static Task<ComposedChange?> OnlyIfNewer(ComposedState state, string part, string content, long version) =>
        Task.FromResult<ComposedChange?>(state.VersionOf(part) >= version ? null : new ComposedChange([new BlobPart(part, BinaryData.FromString(content), version)]));

    private async Task<(BlockBlobClient Blob, ComposedBlob Composed)> NewAsync()
    {
        var container = azurite.Blobs.GetBlobContainerClient($"composed-{Guid.NewGuid():N}");
        await container.CreateAsync();
        var blob = container.GetBlockBlobClient("file.txt");
        return (blob, new ComposedBlob(blob, Text, "test"));
    }

    private static async Task<string> ReadAsync(BlobBaseClient blob) =>
        Encoding.UTF8.GetString((await blob.DownloadContentAsync()).Value.Content.ToArray());

    private static async Task<List<string>> CommittedAsync(BlockBlobClient blob) =>
        [.. (await blob.GetBlockListAsync(BlockListTypes.Committed)).Value.CommittedBlocks.Select(b => b.Name)];
}
