namespace Soliday.Local.Hosting;

/// <summary>
/// How the local queue listeners retry, bound from the <c>Queues</c> section over the Functions
/// app's own host.json <c>extensions.queues</c> settings (read when the host starts, never copied),
/// so a message fails, retries and is set aside the same way on both hosts.
/// </summary>
public sealed class LocalQueueOptions
{
    public const string Section = "Queues";

    /// <summary>Tries before a message moves to the poison queue (host.json <c>maxDequeueCount</c>).</summary>
    public int MaxDequeueCount { get; set; }

    /// <summary>How long a failed message waits before its next try (host.json <c>visibilityTimeout</c>).</summary>
    public TimeSpan VisibilityTimeout { get; set; }

    /// <summary>Messages taken and handled at once (host.json <c>batchSize</c>; why it is small is said there).</summary>
    public int BatchSize { get; set; }

    /// <summary>Local only: the longest wait between looks at an empty queue (the Functions runtime waits up to a minute).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Local only: how long a message being processed stays hidden from other listeners (the runtime renews its own).</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
