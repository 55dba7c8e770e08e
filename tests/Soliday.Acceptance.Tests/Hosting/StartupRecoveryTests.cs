using System.Net;
using System.Text.Json.Nodes;
using Soliday.Acceptance.Tests.Support;
using Soliday.Testing;

namespace Soliday.Acceptance.Tests.Hosting;

/// <summary>
/// Start-up that survives role propagation (issue 18): right after <c>azd up</c> the app's identity
/// may not yet be let into its storage, and a Key Vault reference may still be the literal
/// <c>@Microsoft.KeyVault(...)</c> text. The app must start anyway, say so on <c>/api/health</c>,
/// answer 503 <c>starting</c> where it needs what is missing, and recover by itself.
/// </summary>
public sealed class StartupRecoveryTests
{
    /// <summary>The engine's own task hub passes the gates: in Azure it is the Functions host's concern.</summary>
    private const string TaskHub = "startup";

    /// <summary>What App Service leaves in a setting whose reference it could not resolve: public text, not a key.</summary>
    private const string UnresolvedSigningKey = "@Microsoft.KeyVault(VaultName=kv-soliday-startup;SecretName=submissions-signing-key)";

    [Fact]
    public async Task A_host_started_before_its_storage_and_signing_key_are_there_says_why_and_recovers_without_a_restart()
    {
        // Arrange: a real Azurite (another host's) behind gates that refuse the app as storage does a role not yet in effect.
        await using var storage = await SolidayHost.StartAsync(new() { ["Soliday__Day"] = SharedHost.Day });
        await using var blobGate = await StorageGate.StartAsync(storage.BlobPort, TaskHub);
        await using var queueGate = await StorageGate.StartAsync(storage.QueuePort, TaskHub);
        var settingsFile = Path.Combine(Path.GetTempPath(), "soliday-tests", $"settings-{Guid.NewGuid():N}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(settingsFile)!);
        await File.WriteAllTextAsync(settingsFile, "{}");
        await using var host = await SolidayHost.StartAnsweringAsync(new()
        {
            ["AzureWebJobsStorage"] = storage.StorageConnectionString
                .Replace($"127.0.0.1:{storage.BlobPort}/", $"127.0.0.1:{blobGate.Port}/", StringComparison.Ordinal)
                .Replace($"127.0.0.1:{storage.QueuePort}/", $"127.0.0.1:{queueGate.Port}/", StringComparison.Ordinal)
                + $"TableEndpoint=http://127.0.0.1:{storage.TablePort}/devstoreaccount1;",
            ["Durable__TaskHub"] = TaskHub,
            ["Submissions__SigningKey"] = UnresolvedSigningKey,
            ["Local__SettingsFile"] = settingsFile,
            ["Soliday__Day"] = SharedHost.Day,
            ["DOTNET_USE_POLLING_FILE_WATCHER"] = "true",
        });
        var process = host.ProcessId;

        // Act: ask while nothing is there yet.
        using var health = await host.Http.GetAsync(new Uri("/api/health", UriKind.Relative));
        var report = await health.Content.ReadAsStringAsync();
        using var submission = await host.Http.PostAsync(new Uri("/api/submissions", UriKind.Relative), new SubmissionBuilder().Build());
        var refusal = JsonNode.Parse(await submission.Content.ReadAsStringAsync())!;

        // Assert: up, unhealthy, and saying why in words and names only.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var problem = JsonNode.Parse(report)!;
        Assert.Equal("unhealthy", problem["health"]!.GetValue<string>());
        Assert.Equal("unreachable", problem["storage"]!["blobs"]!.GetValue<string>());
        Assert.Equal("pending", problem["setup"]!.GetValue<string>());
        Assert.Contains("Submissions:SigningKey", problem["unresolvedSettings"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains("Submissions:SigningKey", problem["detail"]!.GetValue<string>());
        Assert.DoesNotContain("kv-soliday-startup", report);
        Assert.DoesNotContain("AccountKey", report);
        Assert.True(blobGate.Refused > 0, "the app did try its storage while the gate was shut");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, submission.StatusCode);
        Assert.Equal("starting", refusal["code"]!.GetValue<string>());
        Assert.Equal("Soliday is starting up", refusal["title"]!.GetValue<string>()); // from the site's words, as the request is answered

        // Act: the role comes into effect and the reference resolves (Local:SettingsFile stands in for App Service).
        blobGate.Open();
        queueGate.Open();
        await File.WriteAllTextAsync(settingsFile, new JsonObject { ["Submissions"] = new JsonObject { ["SigningKey"] = host.SigningKey } }.ToJsonString());

        // Assert: healthy and taking entries, in the same process.
        await SolidayApi.EventuallyAsync(async () =>
        {
            using var again = await host.Http.GetAsync(new Uri("/api/health", UriKind.Relative));
            return again.StatusCode == HttpStatusCode.OK;
        }, "the host reports healthy once storage and the key are there");
        var id = await host.Http.SubmitAsync(new SubmissionBuilder());
        await host.Http.WaitForStatusAsync(id, "awaiting-curation");
        Assert.Equal(process, host.ProcessId);
        Assert.DoesNotContain("exited", host.Output, StringComparison.OrdinalIgnoreCase);
        File.Delete(settingsFile);
    }
}
