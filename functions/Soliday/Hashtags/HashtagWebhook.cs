using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Soliday.Storage;
using Soliday.Web;

namespace Soliday.Hashtags;

/// <summary>The <c>202 Accepted</c> body of the webhook: the submission the post will become, once the queue takes it in.</summary>
public sealed record WebhookAccepted(string Id, string Status, string StatusUrl);

/// <summary>
/// <c>POST /api/hooks/posts</c>: any source (a Bluesky bridge, IFTTT, Zapier, a council's own
/// tools) pushes a post, signed (<see cref="WebhookSignatures"/>), and it goes on the same queue as
/// Mastodon's. The signature is checked before anything else is read or stored; a signature is
/// good once. Both hosts call this method.
/// </summary>
public sealed class HashtagWebhook(
    WebhookSignatures signatures,
    WebhookReplayGuard replays,
    HashtagPostQueue queue,
    PostSubmissionIds ids,
    TimeProvider clock,
    ILogger<HashtagWebhook> logger)
{
    /// <summary>Far above any post within <see cref="HashtagPost"/>'s bounds.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task<IResult> Receive(HttpRequest request)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        if (request.ContentLength > MaxBodyBytes)
        {
            return Problems.Of(413, "The post is too large", $"Send at most {MaxBodyBytes / 1024} KB.");
        }

        byte[] body;
        try
        {
            await using var limited = new LengthLimitedStream(request.Body, MaxBodyBytes);
            using var copy = new MemoryStream();
            await limited.CopyToAsync(copy, cancellationToken);
            body = copy.ToArray();
        }
        catch (RequestBodyTooLargeException)
        {
            return Problems.Of(413, "The post is too large", $"Send at most {MaxBodyBytes / 1024} KB.");
        }

        var check = signatures.Check(
            request.Headers[WebhookSignatures.TimestampHeader].ToString(), request.Headers[WebhookSignatures.SignatureHeader].ToString(), body, clock.GetUtcNow());
        if (check.Signature is not { } signature)
        {
            logger.LogWarning("A webhook post was refused: {Problem}", check.Problem);
            return new UnauthorizedProblem(check.Problem!);
        }

        if (!await replays.TryFirstUseAsync(signature, cancellationToken))
        {
            logger.LogWarning("A webhook post was refused: its signature was used before");
            return new UnauthorizedProblem("This signature was used before: each request is signed anew, with the time it is sent.");
        }

        HashtagPost post;
        try
        {
            post = JsonSerializer.Deserialize<WebhookPostBody>(body, SolidayJson.Options)?.ToPost()
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            return Problems.Of(400, "The post could not be read.", $"Send JSON like {{ \"source\", \"id\", \"url\", \"createdAt\", \"text\", \"author\": {{ \"name\", \"handle\", \"url\" }}, \"media\": [ {{ \"url\", \"description\" }} ] }}. {e.Message}");
        }

        var problems = post.Check();
        if (problems.Count > 0)
        {
            return Problems.Of(400, "Some fields need another look.", problems.Values.First(), "post", problems);
        }

        await queue.SendAsync(post, cancellationToken);
        var id = ids.For(post);
        logger.LogInformation("A {Source} post arrived by webhook, to become submission {SubmissionId}", post.Source, id);
        return Results.Json(new WebhookAccepted(id, "queued", Routes.SubmissionStatusUrl(id)), SolidayJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>401 with a challenge naming the scheme (RFC 9110 asks for one), and a problem body saying what to fix.</summary>
    private sealed class UnauthorizedProblem(string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = "Soliday-Signature";
            return Problems.Of(401, "Not a signed post", detail, "signature").ExecuteAsync(httpContext);
        }
    }
}
