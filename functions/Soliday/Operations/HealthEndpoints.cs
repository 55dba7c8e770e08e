using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soliday.Curation;
using Soliday.Hashtags.Bluesky;
using Soliday.Storage;

namespace Soliday.Operations;

/// <summary>What <c>GET /api/health</c> answers while storage answers.</summary>
/// <param name="Status"><c>healthy</c>; <c>degraded</c> when a source of posts cannot be read (see <paramref name="Problems"/>).</param>
/// <param name="Storage">Each storage service Soliday uses and whether it answered: <c>reachable</c> or <c>unreachable</c>.</param>
/// <param name="Sources">Each configured network read with an account: <c>bluesky</c>: <c>reading</c> or <c>sign-in-refused</c>. Absent when none is.</param>
public sealed record HealthReport(
    string Status,
    DateOnly Day,
    IReadOnlyDictionary<string, string> Storage,
    IReadOnlyDictionary<string, string>? Sources = null,
    IReadOnlyList<string>? Problems = null);

/// <summary>
/// <c>GET /api/health</c>, for uptime checks and for whoever is on duty on the day: can the app reach
/// the blobs (entries, the site) and the queues it depends on? 200 with a report when it can, 503
/// as problem details when it cannot. Says nothing secret: no account name, keys or error text.
/// </summary>
public sealed class HealthEndpoints(BlobServiceClient blobs, QueueServiceClient queues, BlueskyCheckpoints bluesky, IOptions<SolidayOptions> soliday, ILogger<HealthEndpoints> logger)
{
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

        if (checks.All(c => c.Reachable))
        {
            return Results.Json(await WithSourcesAsync(new HealthReport("healthy", soliday.Value.Day, storage), timeout.Token), SolidayJson.Options);
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Storage is unreachable",
            Detail = "Soliday cannot reach its storage account: entries cannot be received or published until it can.",
            Extensions = { ["storage"] = storage },
        };
        return Results.Problem(problem);
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
