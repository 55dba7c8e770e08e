namespace Soliday.Local.Durable;

/// <summary>The local durable engine, bound from the <c>Durable</c> configuration section.</summary>
public sealed class DurableEngineOptions
{
    public const string Section = "Durable";

    /// <summary>The task hub: the same name as in the Functions app's host.json.</summary>
    public string TaskHub { get; set; } = "soliday";

    /// <summary>
    /// Who holds the partition leases. The same id after a restart takes them back at once; two
    /// hosts sharing one storage account need different ids.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>
    /// Two partitions for one process on two cores: measured with two, 200 one-activity orchestrations
    /// took 9.6 s through the sidecar on Azurite (queue polling capped at 200 ms).
    /// </summary>
    public int PartitionCount { get; set; } = 2;

    /// <summary>Caps the queue back-off, so an idle engine answers new work within this time.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a message taken by a process that then dies stays hidden before another takes it.
    /// The provider's 5 minutes suit a farm of workers; on one machine a restart should resume
    /// an interrupted orchestration step within seconds.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The same for activities, which may run longer (a large photo's renditions).</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
