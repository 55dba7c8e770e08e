using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Soliday.Telemetry;

/// <summary>
/// Soliday's own traces and metrics, under one name both hosts subscribe to ("Soliday"): the
/// Functions app exports them to Azure Monitor, the local host to the console when asked.
/// </summary>
public static class SolidayTelemetry
{
    public const string Name = "Soliday";

    /// <summary>The tag on every Soliday span, so one entry's whole way can be found by its id.</summary>
    public const string SubmissionIdTag = "soliday.submission_id";

    /// <summary>The log scope property with the same id, the name Soliday's log messages already use.</summary>
    public const string SubmissionIdScope = "SubmissionId";

    /// <summary>Why an entry was refused at the door (a field's problem code, <c>rate-limit</c>, ...).</summary>
    public const string RefusalTag = "soliday.refusal";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    public static Counter<long> SubmissionsAccepted { get; } =
        Meter.CreateCounter<long>("soliday.submissions.accepted", "{submission}", "Entries stored and handed to their workflow.");

    public static Counter<long> SubmissionsRefused { get; } =
        Meter.CreateCounter<long>("soliday.submissions.refused", "{submission}", "Entries turned away when sent, by reason.");

    public static Counter<long> EntriesPublished { get; } =
        Meter.CreateCounter<long>("soliday.entries.published", "{entry}", "Entries put on the public timeline.");

    public static Histogram<double> PhotoProcessingDuration { get; } =
        Meter.CreateHistogram<double>("soliday.photo.processing.duration", "s", "Time to check one photo and make its renditions.");

    /// <summary>
    /// Marks the span already running (the HTTP request, the function invocation) with the entry it
    /// is about, for spans Soliday did not start itself.
    /// </summary>
    public static void TagCurrent(string submissionId) => Activity.Current?.SetTag(SubmissionIdTag, submissionId);

    public static void Refused(string reason) => SubmissionsRefused.Add(1, new KeyValuePair<string, object?>(RefusalTag, reason));
}
