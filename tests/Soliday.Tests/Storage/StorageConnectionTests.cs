using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Soliday.Storage;

namespace Soliday.Tests.Storage;

/// <summary>
/// Which account and which credential the app uses, from the same settings the Functions host reads:
/// a wrong choice here is an app that cannot reach its storage in Azure, or reaches it with a key.
/// </summary>
public sealed class StorageConnectionTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    [Fact]
    public void A_connection_string_is_used_as_it_is_with_no_identity()
    {
        var connection = StorageConnection.From(Settings(("AzureWebJobsStorage", Azurite)));

        Assert.False(connection.UsesIdentity);
        Assert.Equal(Azurite, connection.ConnectionString);
        Assert.Null(connection.Credential);
        Assert.Equal("devstoreaccount1", connection.CreateBlobServiceClient().AccountName);
    }

    [Fact]
    public void Service_uris_with_a_user_assigned_identity_use_that_managed_identity()
    {
        var connection = StorageConnection.From(Settings(
            ("AzureWebJobsStorage__blobServiceUri", "https://solidaystore.blob.core.windows.net/"),
            ("AzureWebJobsStorage__queueServiceUri", "https://solidaystore.queue.core.windows.net/"),
            ("AzureWebJobsStorage__credential", "managedidentity"),
            ("AzureWebJobsStorage__clientId", "00000000-0000-0000-0000-000000000001")));

        Assert.True(connection.UsesIdentity);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
        Assert.Equal(new Uri("https://solidaystore.blob.core.windows.net/"), connection.CreateBlobServiceClient().Uri);
        Assert.Equal(new Uri("https://solidaystore.queue.core.windows.net/"), connection.CreateQueueServiceClient(new()).Uri);
    }

    [Fact]
    public void An_account_name_alone_gives_the_public_cloud_endpoints()
    {
        var connection = StorageConnection.From(Settings(
            ("AzureWebJobsStorage__accountName", "solidaystore"),
            ("AzureWebJobsStorage__credential", "managedidentity")));

        Assert.Equal(new Uri("https://solidaystore.blob.core.windows.net/"), connection.BlobServiceUri);
        Assert.Equal(new Uri("https://solidaystore.queue.core.windows.net/"), connection.QueueServiceUri);
        Assert.IsType<ManagedIdentityCredential>(connection.Credential);
    }

    [Fact]
    public void Without_credential_managedidentity_whoever_is_signed_in_is_used()
    {
        // A developer pointing the local host at a real account with shared keys off: their az login.
        var connection = StorageConnection.From(Settings(("AzureWebJobsStorage__accountName", "solidaystore")));

        Assert.IsType<DefaultAzureCredential>(connection.Credential);
    }

    [Fact]
    public void A_connection_string_wins_over_identity_settings_left_beside_it()
    {
        var connection = StorageConnection.From(Settings(
            ("AzureWebJobsStorage", Azurite),
            ("AzureWebJobsStorage__accountName", "solidaystore"),
            ("AzureWebJobsStorage__credential", "managedidentity")));

        Assert.False(connection.UsesIdentity);
    }

    [Fact]
    public void Empty_settings_as_in_the_sample_file_count_as_unset()
    {
        var connection = StorageConnection.From(Settings(
            ("AzureWebJobsStorage", Azurite),
            ("AzureWebJobsStorage__blobServiceUri", ""),
            ("AzureWebJobsStorage__clientId", "")));

        Assert.Equal(Azurite, connection.ConnectionString);
    }

    [Fact]
    public void No_storage_setting_at_all_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.From(Settings()));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message);
        Assert.Contains("connection string", error.Message);
    }

    /// <summary>Settings named as Azure's app settings are: <c>__</c> is a section, as the environment variables provider reads it.</summary>
    private static IConfiguration Settings(params (string Name, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Name.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
}
