using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Soliday.Telemetry;

/// <summary>
/// One step of one entry's way through Soliday: a span tagged with the submission id and a log scope
/// carrying it, so every trace and every log line of the step can be found from the id a resident
/// or a curator quotes. Dispose it when the step ends.
/// </summary>
public sealed class SubmissionStep : IDisposable
{
    private readonly Activity? _activity;
    private readonly IDisposable? _scope;

    private SubmissionStep(Activity? activity, IDisposable? scope)
    {
        _activity = activity;
        _scope = scope;
    }

    /// <param name="name">The step, as the workflow names it (<c>PreparePhoto</c>, <c>PublishEntry</c>, ...).</param>
    public static SubmissionStep Begin(ILogger logger, string name, string submissionId)
    {
        // Null when no one listens (no exporter configured): then only the log scope is kept.
        var activity = SolidayTelemetry.Source.StartActivity(name);
        activity?.SetTag(SolidayTelemetry.SubmissionIdTag, submissionId);
        var scope = logger.BeginScope(new Dictionary<string, object> { [SolidayTelemetry.SubmissionIdScope] = submissionId });
        return new SubmissionStep(activity, scope);
    }

    public void Dispose()
    {
        _scope?.Dispose();
        _activity?.Dispose();
    }
}
