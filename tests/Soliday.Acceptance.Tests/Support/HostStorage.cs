using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Soliday.Storage;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Support;

/// <summary>What a host has in storage, for the tests that check what was removed.</summary>
public static class HostStorage
{
    public static async Task<List<string>> BlobNamesAsync(this SolidayHost host, string container, string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in host.Blobs.GetBlobContainerClient(container).GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>An entry's record as stored: what curators and operators can read, whatever the status shows the public.</summary>
    public static async Task<JsonNode> RecordAsync(this SolidayHost host, string id) =>
        JsonNode.Parse((await host.Blobs.GetBlobContainerClient(StorageLayout.Entries).GetBlobClient(StorageLayout.Record(id)).DownloadContentAsync()).Value.Content.ToString())!;
}
