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

    /// <summary>Local only: the longest wait between looks at an empty queue (the Functions runtime waits up to a minute).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Local only: how long a message being processed stays hidden from other listeners (the runtime renews its own).</summary>
    public TimeSpan ProcessingTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
