using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Net.Http.Headers;
using Soliday.Storage;
using Soliday.Submissions;
using Soliday.Web;

namespace Soliday.Curation;

/// <summary>An entry in the curation queue, as the JSON API returns it.</summary>
public sealed record CurationQueueItem(
    string Id,
    string Caption,
    string Credit,
    string Source,
    DateTimeOffset ReceivedAt,
    DateTimeOffset MomentAt,
    int PhotoCount,
    IReadOnlyList<string> Flags,
    string? ThumbnailUrl,
    string StatusUrl);

/// <summary>The body of <c>POST /api/curation/{id}/reject</c>.</summary>
public sealed record RejectRequest(string? Reason);

/// <summary>The <c>202 Accepted</c> body of a decision: the workflow carries it out in a moment.</summary>
public sealed record DecisionAccepted(string Id, string Decision, string StatusUrl);

/// <summary>The curators' HTTP endpoints. Every one checks who is asking before anything else.</summary>
public sealed class CurationEndpoints(
    CuratorAuthenticator authenticator,
    CurationQueue queue,
    CurationDecisions decisions,
    BlobServiceClient blobs,
    TimeProvider clock)
{
    private const int MaxReasonLength = 500;

    public async Task<IResult> Queue(HttpRequest request, DurableTaskClient durable)
    {
        if (authenticator.Authenticate(request) is null)
        {
            return Unauthorized();
        }

        var waiting = await queue.ListAsync(durable, request.HttpContext.RequestAborted);
        var items = waiting.Select(s => new CurationQueueItem(
            s.SubmissionId, s.Text, s.Credit, s.Source, s.ReceivedAt, s.MomentAt, s.PhotoCount, s.Flags,
            s.Thumbnail is { } thumbnail ? Routes.CurationMediaUrl(thumbnail) : null,
            Routes.SubmissionStatusUrl(s.SubmissionId)));
        return Results.Json(items, SolidayJson.Options);
    }

    public async Task<IResult> Approve(HttpRequest request, string id, DurableTaskClient durable) =>
        authenticator.Authenticate(request) is { } curator
            ? await DecideAsync(request, id, curator, durable, approve: true, reason: null)
            : Unauthorized();

    public async Task<IResult> Reject(HttpRequest request, string id, DurableTaskClient durable)
    {
        if (authenticator.Authenticate(request) is not { } curator)
        {
            return Unauthorized();
        }

        RejectRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<RejectRequest>(SolidayJson.Options, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Problems.Of(400, "The request could not be read.", "Send JSON like {\"reason\": \"...\"}.");
        }

        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return Problems.Of(400, "A reason is needed.", $"Say in a few kind words (at most {MaxReasonLength} characters) why the entry is not published: the resident will read it.",
                fieldErrors: new Dictionary<string, string> { ["reason"] = "Please give a reason." });
        }

        return await DecideAsync(request, id, curator, durable, approve: false, reason);
    }

    /// <summary>Streams a rendition that is not public yet, for the curator's eyes only.</summary>
    public async Task<IResult> Media(HttpRequest request, string id, string file)
    {
        if (authenticator.Authenticate(request) is null)
        {
            return Unauthorized();
        }

        if (!SubmissionId.IsValid(id) || file.Contains('/') || file.Contains(".."))
        {
            return Problems.NotFound("There is no such image.");
        }

        try
        {
            var blob = blobs.GetBlobContainerClient(StorageLayout.Renditions).GetBlobClient($"{id}/{file}");
            var download = await blob.DownloadStreamingAsync(cancellationToken: request.HttpContext.RequestAborted);
            return Results.Stream(download.Value.Content, download.Value.Details.ContentType);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Problems.NotFound("There is no such image.");
        }
    }

    private async Task<IResult> DecideAsync(HttpRequest request, string id, Curator curator, DurableTaskClient durable, bool approve, string? reason)
    {
        var decision = new CuratorDecisionEvent(approve, curator.Name, clock.GetUtcNow(), reason);
        var refusal = await decisions.DecideAsync(id, decision, durable, request.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            return Problems.Of(refusal.StatusCode, refusal.Title, refusal.Detail, refusal.CurrentState is null ? null : $"state:{refusal.CurrentState}");
        }

        var statusUrl = Routes.SubmissionStatusUrl(id);
        return Results.Json(new DecisionAccepted(id, approve ? "approve" : "reject", statusUrl), SolidayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Unauthorized() => new UnauthorizedProblem();

    /// <summary>401 with a <c>WWW-Authenticate</c> challenge, as RFC 9110 asks, and a problem body.</summary>
    private sealed class UnauthorizedProblem : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
            return Problems.Of(401, "Curators only", "Sign in as a curator: send the curator token as 'Authorization: Bearer <token>'.").ExecuteAsync(httpContext);
        }
    }
}
