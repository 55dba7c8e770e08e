using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Soliday.Storage;

/// <summary>
/// The storage account, read from <c>AzureWebJobsStorage</c> the way the Functions host reads it, so
/// the app and the host always agree on the account:
/// <list type="bullet">
/// <item>a connection string (Azurite on a developer's machine, or an account that allows keys);</item>
/// <item>otherwise the identity-based form Azure uses when shared keys are off:
/// <c>AzureWebJobsStorage__blobServiceUri</c> and <c>__queueServiceUri</c> (or just
/// <c>__accountName</c>), reached with a managed identity when <c>__credential</c> is
/// <c>managedidentity</c> (the user-assigned one named by <c>__clientId</c>), or with
/// <see cref="DefaultAzureCredential"/> (a developer's <c>az login</c>) when it is not.</item>
/// </list>
/// </summary>
public sealed record StorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? QueueServiceUri, TokenCredential? Credential)
{
    public const string Key = "AzureWebJobsStorage";
    public const string BlobServiceUriKey = "blobServiceUri";
    public const string QueueServiceUriKey = "queueServiceUri";
    public const string AccountNameKey = "accountName";
    public const string CredentialKey = "credential";
    public const string ClientIdKey = "clientId";

    /// <summary>The <c>__credential</c> value that asks for a managed identity, as the Functions host spells it.</summary>
    public const string ManagedIdentity = "managedidentity";

    /// <summary>Every setting this reads, as environment variable names: what the deployment must set.</summary>
    public static IReadOnlyList<string> SettingNames { get; } =
        [Key, .. new[] { BlobServiceUriKey, QueueServiceUriKey, AccountNameKey, CredentialKey, ClientIdKey }.Select(k => $"{Key}__{k}")];

    public bool UsesIdentity => ConnectionString is null;

    public static StorageConnection From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return new StorageConnection(section.Value, null, null, null);
        }

        var account = Setting(section, AccountNameKey);
        var blobs = ServiceUri(section, BlobServiceUriKey) ?? (account is null ? null : new Uri($"https://{account}.blob.core.windows.net"));
        var queues = ServiceUri(section, QueueServiceUriKey) ?? (account is null ? null : new Uri($"https://{account}.queue.core.windows.net"));
        if (blobs is null || queues is null)
        {
            throw new InvalidOperationException(
                $"Set {Key} to the storage account's connection string, or {Key}__{BlobServiceUriKey} and {Key}__{QueueServiceUriKey} " +
                $"(or {Key}__{AccountNameKey}) to reach it with an identity.");
        }

        return new StorageConnection(null, blobs, queues, CredentialFor(section));
    }

    public BlobServiceClient CreateBlobServiceClient() =>
        ConnectionString is not null ? new BlobServiceClient(ConnectionString) : new BlobServiceClient(BlobServiceUri, Credential);

    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options) =>
        ConnectionString is not null ? new QueueServiceClient(ConnectionString, options) : new QueueServiceClient(QueueServiceUri, Credential, options);

    private static TokenCredential CredentialFor(IConfigurationSection section)
    {
        var clientId = Setting(section, ClientIdKey);
        if (string.Equals(Setting(section, CredentialKey), ManagedIdentity, StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        // Not in Azure (or no identity named): whoever is signed in, e.g. a developer's az login.
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static string? Setting(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value.Trim() : null;

    private static Uri? ServiceUri(IConfigurationSection section, string key) =>
        Setting(section, key) is { } value ? new Uri(value.EndsWith('/') ? value : value + "/") : null;
}
