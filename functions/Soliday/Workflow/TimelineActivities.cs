using Microsoft.Extensions.Logging;
using Soliday.Entries;
using Soliday.Telemetry;
using Soliday.Timeline;

namespace Soliday.Workflow;

/// <param name="PublishedAt">From the orchestration's clock, so a retried publish records the same time.</param>
/// <param name="Decision">The approval; null when an entry already published is published again after a change.</param>
/// <param name="ChangedAt">When a curator's change after publication was made (orchestration clock); null for the first publish.</param>
public sealed record PublishEntryRequest(string SubmissionId, DateTimeOffset PublishedAt, CuratorDecisionRecord? Decision, DateTimeOffset? ChangedAt = null);

/// <param name="Hour">The hour it was published at; null when it was taken down first.</param>
public sealed record PublishEntryResult(string SubmissionId, int? Hour);

/// <summary>The workflow's publishing step (<see cref="TimelinePublisher"/>): first publication, and again after each change.</summary>
public sealed class TimelineActivities(TimelinePublisher publisher, ILogger<TimelineActivities> logger)
{
    public async Task<PublishEntryResult> PublishEntry(PublishEntryRequest request)
    {
        using var step = SubmissionStep.Begin(logger, nameof(PublishEntry), request.SubmissionId);
        var hour = await publisher.PublishAsync(request.SubmissionId, request.PublishedAt, request.Decision, request.ChangedAt);
        return new PublishEntryResult(request.SubmissionId, hour);
    }
}
