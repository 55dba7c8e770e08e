namespace Soliday.Curation;

/// <summary>Bound from the <c>Curation</c> configuration section.</summary>
public sealed class CurationOptions
{
    public const string Section = "Curation";

    /// <summary>
    /// The bearer token curators present on the local host. When unset, Soliday.Local makes a random
    /// one and prints it; an Azure deployment with no token refuses every curator request.
    /// </summary>
    public string? LocalToken { get; set; }

    /// <summary>How long an entry waits for a curator before it expires unpublished.</summary>
    public TimeSpan DecisionTimeout { get; set; } = TimeSpan.FromDays(14);
}
