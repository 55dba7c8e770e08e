using Azure.Storage.Blobs;
using Soliday.Local.Azurite;
using Soliday.Storage;

namespace Soliday.Tests.Support;

/// <summary>
/// A real Azurite for the tests of what Soliday stores: the one Soliday.Local runs, on free ports,
/// with its data in a temporary folder. One per test class; <see cref="ResetAsync"/> empties it.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "soliday-tests", Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;

    public string ConnectionString => _azurite!.ConnectionString;

    public BlobServiceClient Blobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(
            new AzuriteOptions { Location = _data, BlobPort = 0, QueuePort = 0, TablePort = 0 }, _data, _ => { }, CancellationToken.None);
        Blobs = new BlobServiceClient(ConnectionString);
        await ResetAsync();
    }

    /// <summary>Soliday's containers, empty: each test starts from a new storage account, in effect.</summary>
    public async Task ResetAsync()
    {
        foreach (var name in StorageLayout.Containers)
        {
            var container = Blobs.GetBlobContainerClient(name);
            await container.CreateIfNotExistsAsync();
            await foreach (var blob in container.GetBlobsAsync())
            {
                await container.DeleteBlobIfExistsAsync(blob.Name);
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind harms nothing.
        }
    }
}
