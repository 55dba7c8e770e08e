namespace Soliday.Local.Azurite;

/// <summary>How Soliday.Local runs Azurite, bound from the <c>Azurite</c> configuration section.</summary>
public sealed class AzuriteOptions
{
    public const string Section = "Azurite";

    /// <summary>Where Azurite keeps its data; relative paths are under the content root.</summary>
    public string Location { get; set; } = ".azurite";

    /// <summary>The usual Azurite ports, so Storage Explorer finds it. 0 takes any free port (tests).</summary>
    public int BlobPort { get; set; } = 10000;
    public int QueuePort { get; set; } = 10001;
    public int TablePort { get; set; } = 10002;

    /// <summary>How long to wait for Azurite to install (first run) and answer.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
