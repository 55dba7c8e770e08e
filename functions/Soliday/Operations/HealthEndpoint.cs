using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Entries;
using Soliday.Hashtags.Bluesky;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Operations;

/// <summary>What <c>GET /api/health</c> answers while the app works.</summary>
/// <param name="Status"><c>healthy</c>; <c>degraded</c> when a source of posts cannot be read (see <paramref name="Problems"/>).</param>
/// <param name="Storage">Each storage service Soliday uses and whether it answered: <c>reachable</c> or <c>unreachable</c>.</param>
/// <param name="Setup">The start-up storage set-up: <c>done</c>, or <c>pending</c> while it is still being tried.</param>
/// <param name="Sources">Each configured network read with an account: <c>bluesky</c>: <c>reading</c> or <c>sign-in-refused</c>. Absent when none is.</param>
public sealed record HealthReport(
    string Status,
    DateOnly Day,
    IReadOnlyDictionary<string, string> Storage,
    string Setup = HealthEndpoint.SetupDone,
    IReadOnlyDictionary<string, string>? Sources = null,
    IReadOnlyList<string>? Problems = null);

/// <summary>
/// <c>GET /api/health</c>, for uptime checks and for whoever is on duty on the day: can the app reach
/// the blobs (entries, the site) and the queues it depends on, is its start-up set-up done, and are
/// its secret settings resolved? 200 with a report when all is well, 503 as problem details, saying
/// what is missing in plain words, when not: the app stays up meanwhile and recovers by itself
/// (issue 18). Says nothing secret: no account name, keys, setting values or error text; of an
/// unresolved Key Vault reference only the setting's name.
/// </summary>
public sealed class HealthEndpoint(BlobServiceClient blobs, QueueServiceClient queues, StorageReadiness readiness, IConfiguration configuration, BlueskyCheckpoints bluesky, IOptions<SolidayOptions> soliday, ILogger<HealthEndpoint> logger)
{
    public const string SetupDone = "done";
    public const string SetupPending = "pending";

    public const string Reachable = "reachable";
    public const string Unreachable = "unreachable";

    /// <summary>Long enough for storage under load, short enough for a probe that gives up at ten seconds.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public async Task<IResult> Health(HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted);
        timeout.CancelAfter(CheckTimeout);

        // Reads what the app itself reads, with the app's own credential, so "reachable" also means "allowed".
        var checks = await Task.WhenAll(
            CheckAsync("blobs", ct => blobs.GetBlobContainerClient(StorageLayout.Entries).ExistsAsync(ct), timeout.Token),
            CheckAsync("queues", ct => queues.GetQueueClient(CurationSteps.RemindersQueue).ExistsAsync(ct), timeout.Token));
        var storage = checks.ToDictionary(c => c.Service, c => c.Reachable ? Reachable : Unreachable);
        var setupState = readiness.IsSetUp ? SetupDone : SetupPending;
        var unresolved = KeyVaultReferences.UnresolvedSettings(configuration);

        if (checks.All(c => c.Reachable) && readiness.IsSetUp && unresolved.Count == 0)
        {
            return Results.Json(await WithSourcesAsync(new HealthReport("healthy", soliday.Value.Day, storage, setupState), timeout.Token), SolidayJson.Options);
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = checks.All(c => c.Reachable) ? "Soliday is starting up" : "Storage is unreachable",
            Detail = string.Join(" ", WhatIsMissing(checks.All(c => c.Reachable), readiness.IsSetUp, unresolved)),
            Extensions =
            {
                ["health"] = "unhealthy",
                ["storage"] = storage,
                ["setup"] = setupState,
                ["unresolvedSettings"] = unresolved,
            },
        };
        return Results.Problem(problem);
    }

    /// <summary>Plain sentences for whoever is on duty, with what to do or wait for.</summary>
    private static IEnumerable<string> WhatIsMissing(bool reachable, bool setupDone, IReadOnlyList<string> unresolved)
    {
        if (!reachable)
        {
            yield return "Soliday cannot reach its storage account: entries cannot be received or published until it can.";
        }
        else if (!setupDone)
        {
            yield return "Soliday has not yet set up its storage; it is trying again by itself.";
        }

        if (unresolved.Count > 0)
        {
            yield return $"These settings are Key Vault references not yet resolved: {string.Join(", ", unresolved)}. " +
                "Right after a deployment the app's access to the vault takes a few minutes to come into effect; the next start of the app picks them up.";
        }
    }

    /// <summary>
    /// A Bluesky account that was refused makes the app degraded, not down: everything else works.
    /// Only the state is said here (this endpoint is public); curators see Bluesky's reason on the curation page.
    /// </summary>
    private async Task<HealthReport> WithSourcesAsync(HealthReport report, CancellationToken cancellationToken)
    {
        BlueskySignInRefusal? refusal;
        try
        {
            if (!bluesky.IsConfigured)
            {
                return report;
            }

            refusal = await bluesky.CurrentRefusalAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Health check: the Bluesky checkpoint could not be read");
            return report;
        }

        return refusal is null
            ? report with { Sources = new Dictionary<string, string> { ["bluesky"] = "reading" } }
            : report with
            {
                Status = "degraded",
                Sources = new Dictionary<string, string> { ["bluesky"] = "sign-in-refused" },
                Problems = [$"Bluesky refused the configured handle and app password, so posts from Bluesky are not read. Not tried again until the settings change or {refusal.RetryAt:yyyy-MM-dd HH:mm} UTC; curators see Bluesky's reason on the curation page."],
            };
    }

    private async Task<(string Service, bool Reachable)> CheckAsync<T>(string service, Func<CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
    {
        try
        {
            await probe(cancellationToken);
            return (service, true);
        }
        catch (Exception e)
        {
            // Whatever went wrong (refused, timed out, not allowed, no token), the app cannot use storage.
            logger.LogWarning(e, "Health check: storage {Service} unreachable", service);
            return (service, false);
        }
    }
}
