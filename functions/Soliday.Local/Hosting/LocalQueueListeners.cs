namespace Soliday.Local.Hosting;

/// <summary>
/// The storage queues the local host listens to, one per queue trigger of the Functions app
/// (the parity test holds the two to the same set). None yet: the hashtag queue comes with the
/// hashtag ingestion work.
/// </summary>
public static class LocalQueueListeners
{
    public static IReadOnlySet<string> QueueNames { get; } = new HashSet<string>();
}
