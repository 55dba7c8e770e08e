using Azure.Storage.Blobs;
using Soliday.Entries;
using Soliday.Storage;

namespace Soliday.Timeline;

/// <summary>Where a published entry stands: its hour, its place in the day's order, and its public tags.</summary>
public sealed record EntryPlacement(string Id, int Hour, DateTimeOffset PlacedAt, IReadOnlyList<EntryTag> Tags)
{
    public static EntryPlacement Of(TimelineEntry entry, int hour) => new(entry.Id, hour, entry.PlacedAt, entry.Tags);

    /// <summary>The same entry for ordering only: enough to find its neighbours once it has gone.</summary>
    public TimelineEntry AsOrderKey() => new()
    {
        Id = Id, Text = "", Credit = "", Licence = "", MomentAt = PlacedAt, PlacedAt = PlacedAt, PublishedAt = PlacedAt, Photos = [],
    };
}

/// <summary>
/// One small blob per published entry saying where it was placed. A publish writes it before it
/// touches any index, so whoever takes the entry off (a curator, expiry, its sender) knows which hour
/// and which tags to clean with one read, instead of searching the whole day; an edit that changes
/// the tags knows which tag pages to take the entry off.
/// </summary>
public sealed class PlacementStore(BlobServiceClient blobs)
{
    private BlobContainerClient Container => blobs.GetBlobContainerClient(StorageLayout.Timeline);

    public async Task<EntryPlacement?> FindAsync(DateOnly day, string id, CancellationToken cancellationToken = default) =>
        await Container.GetBlobClient(StorageLayout.Placement(day, id)).ReadAsync(cancellationToken) is { } found
            ? SolidayJson.Deserialize<EntryPlacement>(found.Content)
            : null;

    /// <summary>One publisher per entry at a time (its orchestration), so a plain overwrite is safe here.</summary>
    public Task SaveAsync(DateOnly day, EntryPlacement placement, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.Placement(day, placement.Id)).UploadAsync(SolidayJson.Serialize(placement), overwrite: true, cancellationToken);

    public Task DeleteAsync(DateOnly day, string id, CancellationToken cancellationToken = default) =>
        Container.GetBlobClient(StorageLayout.Placement(day, id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}
