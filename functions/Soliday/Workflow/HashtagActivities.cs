using Soliday.Hashtags;

namespace Soliday.Workflow;

public sealed record CheckSourcePostRequest(string SubmissionId);

/// <param name="Gone">The author deleted the post (or made it private): it must not be published.</param>
public sealed record CheckSourcePostResult(string SubmissionId, bool Gone);

/// <summary>The workflow's question to a post's source, for a post taken from another service (<see cref="SourcePostCheck"/>).</summary>
public sealed class HashtagActivities(SourcePostCheck sourceCheck)
{
    public async Task<CheckSourcePostResult> CheckSourcePost(CheckSourcePostRequest request) =>
        new(request.SubmissionId, Gone: await sourceCheck.IsGoneAsync(request.SubmissionId));
}
