namespace Soliday.Local.Hosting;

/// <summary>
/// How the local queue listeners retry, bound from the <c>Queues</c> section. The defaults are
/// host.json's <c>extensions.queues</c> settings for the Functions app (a parity test holds them
/// equal), so a message fails, retries and is set aside the same way on both hosts.
/// </summary>
public sealed class LocalQueueOptions
{
    public const string Section = "Queues";

    /// <summary>Tries before a message moves to the poison queue (host.json <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// How long a failed message waits before its next try (host.json <c>visibilityTimeout</c>):
    /// long enough for a photo server's hiccup to pass, short enough that a bad message is set
    /// aside within a minute.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Messages taken and handled at once (host.json <c>batchSize</c>). Small on purpose: one post
    /// holds up to four photos of up to 25 MB in memory while it is taken in, and the runtime's
    /// default (16, plus 8 more as a batch ends) could hold gigabytes on one instance. Posts arrive
    /// a few a minute; two at a time keep up.
    /// </summary>
    public int BatchSize { get; set; } = 2;

    /// <summary>Local only: the longest wait between looks at an empty queue (the Functions runtime waits up to a minute).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Local only: how long a message being processed stays hidden from other listeners (the runtime renews its own).</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
